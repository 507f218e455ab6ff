// The honest numbers: which model answers which question and why, then every model's figures on
// the 20 % of ratings held out, "films like X" measured against the classic item-kNN, and how
// faithful the map is. All measured in this browser, and only after training (nothing from the
// held-out ratings is shown while the models learn). The model figures are measured as soon as the
// models are ready, in slices the worker interleaves with queries; neighbour recall is one engine
// call of about half a second, so it waits until the section is about to be seen.
import { useRef } from 'preact/hooks';
import { formatDuration, formatNumber, formatPercent } from '../ui/format.js';
import { useAsync } from '../ui/useAsync.js';
import { useVisible } from '../ui/useVisible.js';
import { memo } from '../ui/memo.js';

const labelOf = (models, name) => models.find((m) => m.name === name)?.label ?? name;

function ChoicesText({ models, choices }) {
  const first = models.find((m) => m.name === choices.firstVisitors);
  const later = models.find((m) => m.name === choices.visitors);
  if (!first || !later) return null;
  return (
    <div class="choices" data-visitors-model={choices.visitors} data-first-visitors-model={choices.firstVisitors}>
      <p>
        <strong>
          Your next films come from the {first.label.toLowerCase()} until you have rated {choices.visitorsFrom} films, then from the{' '}
          {later.label.toLowerCase()}.
        </strong>{' '}
        The engine’s registry chooses them this way because, measured on new visitors — people it folds in from their ratings alone, as it
        does you — the {first.label.toLowerCase()} found more of what they went on to love from a handful of ratings, and the{' '}
        {later.label.toLowerCase()} from {choices.visitorsFrom} or more. Films like X use the{' '}
        {labelOf(models, choices.neighbours).toLowerCase()}; MovieLens viewers’ lists the {labelOf(models, choices.viewers).toLowerCase()}.
        The others stay selectable under “Which model picks them”, to compare.
      </p>
      <p>
        Either way, the model’s best candidates are then re-ranked so your ten follow the genres of the films you liked, rather than
        everyone’s favourites: see “Your lists” below, measured beside the models alone.
        {choices.firstVisitorsMix > 0
          ? ` Below ${choices.visitorsFrom} ratings the ${first.label.toLowerCase()}’s scores are mixed with ${Math.round(choices.firstVisitorsMix * 100)} % of the ${later.label.toLowerCase()}’s, each scaled to its spread over the films: from a handful of ratings it leans on how liked a film is overall.`
          : ''}
      </p>
    </div>
  );
}

// The lists the page shows by default: the registry's choice, re-ranked into each viewer's own.
const DEFAULT_LIST = 'Your lists: the chosen model, re-ranked to your taste';

function WarmTable({ models, figures, choices }) {
  const rows = figures ? figures.models : models.map((m) => ({ name: m.name }));
  return (
    <table class="figures-table" aria-describedby="warm-caption">
      <caption id="warm-caption">
        Every model on the held-out ratings: how well it ranks what each of {figures ? figures.viewers : '…'} viewers went on to love,
        against simply showing the most-rated films.
      </caption>
      <thead>
        <tr>
          <th scope="col">Model</th>
          <th scope="col">Recall@10</th>
          <th scope="col">NDCG@10</th>
          <th scope="col">vs most-rated</th>
          <th scope="col">RMSE</th>
          <th scope="col">Trained in</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr key={m.name} data-model={m.name} class={m.name === choices.visitors || m.name === choices.firstVisitors ? 'in-use' : ''}>
            <th scope="row">
              {labelOf(models, m.name)}
              {m.name === choices.visitors || m.name === choices.firstVisitors ? <span class="badge">picks your films</span> : null}
            </th>
            <td class="num" data-key={`${m.name}-recall10`}>
              {figures ? formatNumber(m.recall10, 4) : '—'}
            </td>
            <td class="num">{figures ? formatNumber(m.ndcg10, 4) : '—'}</td>
            <td class="num">{figures ? formatPercent(m.lift) : '—'}</td>
            <td class="num">{figures ? (Number.isFinite(m.rmse) ? formatNumber(m.rmse, 4) : 'does not predict stars') : '—'}</td>
            <td class="num">{figures ? formatDuration(figures.trainMs[m.name]) : '—'}</td>
          </tr>
        ))}
        <tr data-model="choice" class="in-use">
          <th scope="row">
            {DEFAULT_LIST}
            <span class="badge">your lists</span>
          </th>
          <td class="num" data-key="choice-recall10">
            {figures ? formatNumber(figures.choice.recall10, 4) : '—'}
          </td>
          <td class="num">{figures ? formatNumber(figures.choice.ndcg10, 4) : '—'}</td>
          <td class="num">{figures ? formatPercent(figures.choice.lift) : '—'}</td>
          <td class="num" colSpan={2}>
            re-ranked as it is shown
          </td>
        </tr>
        <tr data-model="popularity">
          <th scope="row">Most-rated films (baseline)</th>
          <td class="num" data-key="popularity-recall10">
            {figures ? formatNumber(figures.popularity.recall10, 4) : '—'}
          </td>
          <td class="num">{figures ? formatNumber(figures.popularity.ndcg10, 4) : '—'}</td>
          <td class="num">—</td>
          <td class="num">—</td>
          <td class="num">—</td>
        </tr>
      </tbody>
    </table>
  );
}

// Beyond accuracy: the same lists, asked whether they are each viewer's own or everyone's.
function ListsTable({ models, figures }) {
  const rows = figures
    ? [...figures.models, { name: 'choice', lists: figures.choice.lists }, { name: 'popularity', lists: figures.popularity.lists }]
    : [...models.map((m) => ({ name: m.name })), { name: 'choice' }, { name: 'popularity' }];
  const label = (name) =>
    name === 'popularity' ? 'Most-rated films (baseline)' : name === 'choice' ? DEFAULT_LIST : labelOf(models, name);
  const cell = (m, key, show) => <td class="num">{m.lists ? show(m.lists[key]) : '—'}</td>;
  return (
    <table class="figures-table" aria-describedby="lists-caption">
      <caption id="lists-caption">
        The same lists, beyond accuracy: are they each viewer’s own, or everyone’s? A list can find what people go on to love and still be
        the same blockbusters for all.
      </caption>
      <thead>
        <tr>
          <th scope="col">Model</th>
          <th scope="col">Genre mismatch</th>
          <th scope="col">More rated than their own</th>
          <th scope="col">From the 50 most-rated</th>
          <th scope="col">Films ever listed</th>
          <th scope="col">Two lists alike</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr key={m.name} data-lists={m.name}>
            <th scope="row">{label(m.name)}</th>
            {cell(m, 'miscalibration', (x) => formatNumber(x, 3))}
            {cell(m, 'popularityLift', (x) => formatPercent(x, 0))}
            {cell(m, 'top50Share', (x) => formatPercent(x, 0).replace('+', ''))}
            {cell(m, 'coverage', (x) => formatPercent(x, 1).replace('+', ''))}
            {cell(m, 'overlap', (x) => formatPercent(x, 1).replace('+', ''))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function NeighbourTable({ models, result }) {
  const rows = result ? result.similarities : [...models.map((m) => ({ model: m.name })), { model: null }];
  return (
    <table class="figures-table" aria-describedby="neighbour-caption">
      <caption id="neighbour-caption">
        Films like X, measured: for each viewer, the films near those they loved, scored against what they went on to love (neighbour
        recall@10). Each similarity blends a model’s film vectors with who loved both films; co-rating item-kNN is the classic to beat. The
        engine chose the one it uses on validation ratings, not on these.
      </caption>
      <thead>
        <tr>
          <th scope="col">Similarity</th>
          <th scope="col">Neighbour recall@10</th>
          <th scope="col">From the 50 most-rated</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr
            key={s.model ?? 'item-knn'}
            data-similarity={s.model ?? 'item-knn'}
            class={result && s.model === result.inUse ? 'in-use' : ''}
          >
            <th scope="row">
              {s.model ? `${labelOf(models, s.model)}’s film vectors` : 'Co-rating item-kNN (baseline)'}
              {result && s.model === result.inUse ? <span class="badge">finds films like X</span> : null}
            </th>
            <td class="num">{result ? formatNumber(s.recall10, 4) : '—'}</td>
            <td class="num">{result ? formatPercent(s.popularIntrusion, 1).replace('+', '') : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MapTable({ figures }) {
  const rows = [
    ['map', 'The map of taste (this page’s layout)'],
    ['pca', 'Flat projection on the two main axes (PCA)'],
    ['random', 'Films placed at random (baseline)'],
  ];
  return (
    <table class="figures-table" aria-describedby="map-caption">
      <caption id="map-caption">
        The map, measured: of each film’s ten nearest by taste (cosine of the film vectors), the share that are also among its ten nearest
        on the layout, averaged over every film on the map.
      </caption>
      <thead>
        <tr>
          <th scope="col">Layout</th>
          <th scope="col">Neighbours kept</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, label]) => (
          <tr key={key} data-layout={key} class={key === 'map' && figures ? 'in-use' : ''}>
            <th scope="row">{label}</th>
            <td class="num">{figures ? formatPercent(figures[key]).replace('+', '') : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * @param {{ client: object, models: object[], choices: object|null, ready: boolean, round?: number, mapFigures?: object|null }} props
 *   ready: every model trained; round: one more each time they become ready (a retrain measures again)
 */
function NumbersPanelView({ client, models, choices, ready, round = 0, mapFigures = null }) {
  const section = useRef(null);
  const seen = useVisible(section);
  const progress = useRef(null);
  const warm = useAsync(
    () =>
      ready
        ? client.evaluate({}, (p) => {
            // Straight into the status line: a re-render per slice would cost the page more than it says.
            if (progress.current) progress.current.textContent = `${Math.round(p.share * 100)} %`;
          })
        : null,
    [client, ready, round],
  );
  // After the model figures, so a query waits behind at most one engine call.
  const neighbours = useAsync(() => (warm.data && seen ? client.evaluateNeighbours() : null), [client, warm.data, seen]);
  const error = warm.error ?? neighbours.error;
  const state = !ready ? 'waiting' : warm.data && neighbours.data ? 'measured' : error ? 'failed' : 'measuring';

  return (
    <section class="panel numbers" id="numbers" aria-labelledby="numbers-title" ref={section} data-state={state}>
      <h2 id="numbers-title">How good is it?</h2>
      {choices && seen ? <ChoicesText models={models} choices={choices} /> : null}
      <p class="muted">
        Measured in this browser on the 20 % of ratings the models never saw (seed 42), with the models
        {warm.data?.restored ? ' restored from this browser’s earlier visit' : ' trained just now'}. The same code run natively prints the
        same figures, digit for digit.
      </p>
      <p class="muted numbers-state" role="status">
        {state === 'waiting' ? 'The figures appear when every model has trained.' : null}
        {state === 'measuring' && warm.data ? 'Measuring films like X…' : null}
        {state === 'measuring' && !warm.data ? (
          <>
            Measuring… <span ref={progress} />
          </>
        ) : null}
      </p>
      {error ? (
        <p class="inline-error" role="alert">
          {error}
        </p>
      ) : null}
      {/* The tables are built as the section comes near: until then they would only cost the page
          a render while the models train. */}
      {choices && seen ? (
        <div class="tables" aria-busy={warm.loading || neighbours.loading ? 'true' : 'false'}>
          {/* Scrollable on a phone, and reachable by keyboard there. */}
          <div class="table-scroll" tabIndex={0} role="region" aria-label="Every model’s figures">
            <WarmTable models={models} figures={warm.data} choices={choices} />
          </div>
          <div class="table-scroll" tabIndex={0} role="region" aria-label="Are the lists your own?">
            <ListsTable models={models} figures={warm.data} />
          </div>
          <div class="table-scroll" tabIndex={0} role="region" aria-label="Films like X, measured">
            <NeighbourTable models={models} result={neighbours.data} />
          </div>
          <div class="table-scroll" tabIndex={0} role="region" aria-label="The map, measured">
            <MapTable figures={mapFigures} />
          </div>
        </div>
      ) : null}
      <dl class="meanings">
        <dt>Recall@10</dt>
        <dd>Of the held-out films a viewer rated 4 stars or more, the share that appears in the ten the model picks for them.</dd>
        <dt>NDCG@10</dt>
        <dd>The same, counting a hit higher the nearer it is to the top of the ten.</dd>
        <dt>vs most-rated</dt>
        <dd>How much more a model finds than showing everyone the most-rated films they have not rated yet.</dd>
        <dt>Genre mismatch</dt>
        <dd>
          How far the genres of a viewer’s ten films are from the genres of the films they liked (Steck’s miscalibration, C<sub>KL</sub>): 0
          is the same mix.
        </dd>
        <dt>More rated than their own</dt>
        <dd>How much more often the listed films were rated than the films the viewer rated themselves, on average.</dd>
        <dt>From the 50 most-rated; films ever listed; two lists alike</dt>
        <dd>
          The share of listed films that are among the 50 most-rated; the share of all films that some viewer is offered; how much two
          viewers’ lists overlap (Jaccard). For films like X, the share of the 50 most-rated among a film’s ten neighbours.
        </dd>
        <dt>Neighbours kept</dt>
        <dd>How faithfully a flat layout keeps each film’s neighbours by taste: 100 % would keep every one.</dd>
        <dt>RMSE</dt>
        <dd>For the model that predicts stars: on ratings it never saw, how many stars off its guess is (lower is better).</dd>
      </dl>
    </section>
  );
}

/** Re-rendered only when its own props change, not whenever the page does. */
export const NumbersPanel = memo(NumbersPanelView);
