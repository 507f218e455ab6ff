// The honest numbers: evaluate() on the held-out 20 %, measured in this browser, each with what it means.
import { formatDuration, formatNumber, formatPercent } from './format.js';
import { useAsync } from './useAsync.js';

const FIGURES = [
  {
    key: 'ratingRmse',
    name: 'Rating model RMSE',
    show: (x) => formatNumber(x, 4),
    meaning: 'On ratings it never saw, the rating model’s guess is off by about this many stars (root mean square; lower is better).',
  },
  {
    key: 'rankingRecall10',
    name: 'Ranking model Recall@10',
    show: (x) => formatNumber(x, 4),
    meaning: 'Of the held-out films a viewer rated 4 stars or more, the share that appears in the ranking model’s top 10 for them.',
  },
  {
    key: 'popularityRecall10',
    name: 'Popularity Recall@10',
    show: (x) => formatNumber(x, 4),
    meaning: 'The same measure for the simplest baseline: show everyone the most-rated films they have not rated yet.',
  },
  {
    key: 'lift',
    name: 'Lift over popularity',
    show: (x) => formatPercent(x),
    meaning: 'How much more the ranking model finds than the popularity baseline — the reason to have a model at all.',
  },
  {
    key: 'ratingAsRankerRecall10',
    name: 'Rating model as a ranker',
    show: (x) => formatNumber(x, 4),
    meaning: 'Recall@10 when films are ordered by predicted stars instead: good at stars is not good at top 10, so top 10 uses the ranking model.',
  },
];

export function NumbersPanel({ client, ready }) {
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
            {FIGURES.map((f) => (
              <div class="figure" key={f.key} data-key={f.key}>
                <dt>{f.name}</dt>
                <dd>
                  <span class="figure-value" title={String(figures[f.key])}>
                    {f.show(figures[f.key])}
                  </span>
                  <span class="figure-exact">{String(figures[f.key])}</span>
                  <span class="figure-meaning">{f.meaning}</span>
                </dd>
              </div>
            ))}
          </dl>
          <p class="muted">
            Training time here: rating model {formatDuration(figures.trainMs.rating)}, ranking model{' '}
            {formatDuration(figures.trainMs.ranking)}.
          </p>
        </>
      ) : null}
    </section>
  );
}
