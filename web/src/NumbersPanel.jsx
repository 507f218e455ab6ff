// The honest numbers: evaluate() on the held-out 20 %, measured in this browser, each with what it means.
import { formatDuration, formatNumber, formatPercent } from './format.js';
import { useAsync } from './useAsync.js';

// What each figure means; the models and their names come from the engine.
const MEANING = {
  rmse: 'On ratings it never saw, the guess is off by about this many stars (root mean square; lower is better).',
  recall10: 'Of the held-out films a viewer rated 4 stars or more, the share that appears in the top 10 for them.',
  lift: 'How much more it finds than showing everyone the most-rated films they have not rated yet.',
};

function figureList(figures, models) {
  const label = (name) => models.find((m) => m.name === name)?.label ?? name;
  const out = [];
  for (const m of figures.models) {
    if (Number.isFinite(m.rmse)) out.push({ key: `${m.name}-rmse`, name: `${label(m.name)} RMSE`, value: m.rmse, show: formatNumber(m.rmse, 4), meaning: MEANING.rmse });
    out.push({ key: `${m.name}-recall10`, name: `${label(m.name)} Recall@10`, value: m.recall10, show: formatNumber(m.recall10, 4), meaning: MEANING.recall10 });
    out.push({ key: `${m.name}-lift`, name: `${label(m.name)}: lift over popularity`, value: m.lift, show: formatPercent(m.lift), meaning: MEANING.lift });
  }
  out.push({
    key: 'popularity-recall10',
    name: 'Popularity Recall@10',
    value: figures.popularity.recall10,
    show: formatNumber(figures.popularity.recall10, 4),
    meaning: 'The simplest baseline: the most-rated films each viewer has not rated yet.',
  });
  return out;
}

export function NumbersPanel({ client, models, ready }) {
  const result = useAsync(() => (ready ? client.evaluate() : null), [client, ready]);
  const figures = result.data;

  return (
    <section class="panel numbers" id="numbers" aria-labelledby="numbers-title">
      <h2 id="numbers-title">How good is it?</h2>
      <p class="muted">
        Measured just now in this browser on the 20 % of ratings the models never saw (seed 42). The same code
        run natively prints the same figures, digit for digit.
      </p>
      {!ready ? <p class="muted">The figures appear when training finishes.</p> : null}
      {result.error ? (
        <p class="inline-error" role="alert">
          {result.error}
        </p>
      ) : null}
      {figures ? (
        <>
          <dl class="figures">
            {figureList(figures, models).map((f) => (
              <div class="figure" key={f.key} data-key={f.key}>
                <dt>{f.name}</dt>
                <dd>
                  <span class="figure-value" title={String(f.value)}>
                    {f.show}
                  </span>
                  <span class="figure-exact">{String(f.value)}</span>
                  <span class="figure-meaning">{f.meaning}</span>
                </dd>
              </div>
            ))}
          </dl>
          <p class="muted">
            Training time here:{' '}
            {models.map((m) => `${m.label.toLowerCase()} ${formatDuration(figures.trainMs[m.name])}`).join(', ')}.
          </p>
        </>
      ) : null}
    </section>
  );
}
