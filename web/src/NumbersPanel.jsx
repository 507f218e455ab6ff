// The honest numbers: which model answers which question and why, then every model's figures on
// the 20 % of ratings held out, and "films like X" measured against the classic item-kNN. All
// measured in this browser, and only after training (nothing from the held-out ratings is shown
// while the models learn). Measuring takes the worker a second or two, so it waits until the
// section is about to be seen.
import { useRef } from 'preact/hooks';
import { formatDuration, formatNumber, formatPercent } from './format.js';
import { useAsync } from './useAsync.js';
import { useVisible } from './useVisible.js';

const labelOf = (models, name) => models.find((m) => m.name === name)?.label ?? name;

function ChoicesText({ models, choices }) {
  const first = models.find((m) => m.name === choices.firstVisitors);
  const later = models.find((m) => m.name === choices.visitors);
  if (!first || !later) return null;
  return (
    <div class="choices" data-visitors-model={choices.visitors} data-first-visitors-model={choices.firstVisitors}>
      <p>
        <strong>
          Your next films come from the {first.label.toLowerCase()} until you have rated {choices.visitorsFrom} films, then
          from the {later.label.toLowerCase()}.
        </strong>{' '}
        The engine’s registry chooses them this way because, measured on new visitors — people it folds in from their
        ratings alone, as it does you — the {first.label.toLowerCase()} found more of what they went on to love from a
        handful of ratings, and the {later.label.toLowerCase()} from ten or more. Films like X use the{' '}
        {labelOf(models, choices.neighbours).toLowerCase()}; MovieLens viewers’ lists the{' '}
        {labelOf(models, choices.viewers).toLowerCase()}. The others stay selectable under “Which model picks them”, to
        compare.
      </p>
    </div>
  );
}

function WarmTable({ models, figures, choices }) {
  const rows = figures ? figures.models : models.map((m) => ({ name: m.name }));
  return (
    <table class="figures-table" aria-describedby="warm-caption">
      <caption id="warm-caption">
        Every model on the held-out ratings: how well it ranks what each of {figures ? figures.viewers : '…'} viewers went on
        to love, against simply showing the most-rated films.
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
            <td class="num" data-key={`${m.name}-recall10`}>{figures ? formatNumber(m.recall10, 4) : '—'}</td>
            <td class="num">{figures ? formatNumber(m.ndcg10, 4) : '—'}</td>
            <td class="num">{figures ? formatPercent(m.lift) : '—'}</td>
            <td class="num">{figures ? (Number.isFinite(m.rmse) ? formatNumber(m.rmse, 4) : 'does not predict stars') : '—'}</td>
            <td class="num">{figures ? formatDuration(figures.trainMs[m.name]) : '—'}</td>
          </tr>
        ))}
        <tr data-model="popularity">
          <th scope="row">Most-rated films (baseline)</th>
          <td class="num" data-key="popularity-recall10">{figures ? formatNumber(figures.popularity.recall10, 4) : '—'}</td>
          <td class="num">{figures ? formatNumber(figures.popularity.ndcg10, 4) : '—'}</td>
          <td class="num">—</td>
          <td class="num">—</td>
          <td class="num">—</td>
        </tr>
      </tbody>
    </table>
  );
}

function NeighbourTable({ models, result }) {
  const rows = result ? result.similarities : [...models.map((m) => ({ model: m.name })), { model: null }];
  return (
    <table class="figures-table" aria-describedby="neighbour-caption">
      <caption id="neighbour-caption">
        Films like X, measured: for each viewer, the films near those they loved, scored against what they went on to
        love (neighbour recall@10). Each similarity blends a model’s film vectors with who loved both films; co-rating
        item-kNN is the classic to beat. The engine chose the one it uses on validation ratings, not on these.
      </caption>
      <thead>
        <tr>
          <th scope="col">Similarity</th>
          <th scope="col">Neighbour recall@10</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s.model ?? 'item-knn'} data-similarity={s.model ?? 'item-knn'} class={result && s.model === result.inUse ? 'in-use' : ''}>
            <th scope="row">
              {s.model ? `${labelOf(models, s.model)}’s film vectors` : 'Co-rating item-kNN (baseline)'}
              {result && s.model === result.inUse ? <span class="badge">finds films like X</span> : null}
            </th>
            <td class="num">{result ? formatNumber(s.recall10, 4) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * @param {{ client: object, models: object[], choices: object|null, ready: boolean }} props  ready: every model trained
 */
export function NumbersPanel({ client, models, choices, ready }) {
  const section = useRef(null);
  const seen = useVisible(section);
  const warm = useAsync(() => (ready && seen ? client.evaluate() : null), [client, ready, seen]);
  // One after the other, so a rating made meanwhile waits for at most one of them.
  const neighbours = useAsync(() => (warm.data ? client.evaluateNeighbours() : null), [client, warm.data]);
  const error = warm.error ?? neighbours.error;
  const state = !ready ? 'waiting' : warm.data && neighbours.data ? 'measured' : error ? 'failed' : 'measuring';

  return (
    <section class="panel numbers" id="numbers" aria-labelledby="numbers-title" ref={section} data-state={state}>
      <h2 id="numbers-title">How good is it?</h2>
      {choices ? <ChoicesText models={models} choices={choices} /> : null}
      <p class="muted">
        Measured just now in this browser on the 20 % of ratings the models never saw (seed 42). The same code run
        natively prints the same figures, digit for digit.
      </p>
      <p class="muted numbers-state" role="status">
        {state === 'waiting' ? 'The figures appear when every model has trained.' : state === 'measuring' ? 'Measuring… (a second or two)' : ''}
      </p>
      {error ? (
        <p class="inline-error" role="alert">
          {error}
        </p>
      ) : null}
      {choices ? (
        <div class="tables" aria-busy={warm.loading || neighbours.loading ? 'true' : 'false'}>
          {/* Scrollable on a phone, and reachable by keyboard there. */}
          <div class="table-scroll" tabIndex={0} role="region" aria-label="Every model's figures">
            <WarmTable models={models} figures={warm.data} choices={choices} />
          </div>
          <div class="table-scroll" tabIndex={0} role="region" aria-label="Films like X, measured">
            <NeighbourTable models={models} result={neighbours.data} />
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
        <dt>RMSE</dt>
        <dd>For the model that predicts stars: on ratings it never saw, how many stars off its guess is (lower is better).</dd>
      </dl>
    </section>
  );
}
