// The tables of scripts/bench-scale: each stage at each size, natively and in wasm in Node, with
// log-log slopes and each size's cost per rating against 1 M's (the issue's bar: at most 1.5×).
// Usage: node web/bench/scale-report.mjs DIR SIZE...   (reads DIR/SIZE.json and DIR/SIZE.wasm.json)
import { existsSync, readFileSync } from 'node:fs';

const [dir, ...sizes] = process.argv.slice(2);
const row = (...cells) => console.log(`| ${cells.join(' | ')} |`);

function table(title, suffix) {
  const runs = sizes.map((n) => {
    const wall = `${dir}/${n}.wall`;
    return {
      n: Number(n),
      wall: suffix === '' && existsSync(wall) ? Number(readFileSync(wall, 'utf8').trim().split('\n').pop()) : null,
      ...JSON.parse(readFileSync(`${dir}/${n}${suffix}.json`, 'utf8')),
    };
  });
  const models = Object.keys(runs[0].models).filter((m) => m !== 'popularity'); // the baseline trains nothing
  const stages = [
    ['parse and load', (r) => r.seconds.load],
    ...models.map((m) => [`train ${m}`, (r) => r.models[m].train_seconds]),
    ['evaluate', (r) => r.seconds.evaluate],
    ['neighbour recall', (r) => r.seconds.neighbours],
  ];
  const total = (r) => stages.reduce((s, [, f]) => s + f(r), 0);
  const perRating = (r) => total(r) / r.n;
  const slope = (f, a, b) => (Math.log(f(b)) - Math.log(f(a))) / (Math.log(b.n) - Math.log(a.n));
  const slopes = (f) => runs.slice(1).map((r, i) => slope(f, runs[i], r).toFixed(2));
  const blanks = () => runs.slice(1).map(() => '');
  const oneM = runs.find((r) => r.n === 1e6);

  console.log(`### ${title}\n`);
  row(
    'stage',
    ...runs.map((r) => `${(r.n / 1e6).toLocaleString('en-GB')} M ratings`),
    ...runs.slice(1).map((r, i) => `slope ${runs[i].n / 1e6}→${r.n / 1e6} M`),
  );
  row(...Array(runs.length * 2).fill('---'));
  for (const [name, f] of stages) row(name, ...runs.map((r) => `${f(r).toFixed(2)} s`), ...slopes(f));
  row('**all stages**', ...runs.map((r) => `${total(r).toFixed(1)} s`), ...slopes(total));
  if (runs.every((r) => r.wall)) row('wall clock of `reel eval`', ...runs.map((r) => `${r.wall.toFixed(1)} s`), ...slopes((r) => r.wall));
  row('peak memory', ...runs.map((r) => `${(r.peak_bytes / 2 ** 20).toFixed(0)} MiB`), ...slopes((r) => r.peak_bytes));
  row('bytes per rating', ...runs.map((r) => `${(r.peak_bytes / r.n).toFixed(0)}`), ...blanks());
  row('µs per rating', ...runs.map((r) => `${(perRating(r) * 1e6).toFixed(1)}`), ...blanks());
  if (oneM) {
    // Loading and training touch each rating a fixed number of times; the evaluation protocol
    // scores every viewer against every film, and both grow with the ratings.
    const linear = (r) => stages.slice(0, 1 + models.length).reduce((s, [, f]) => s + f(r), 0) / r.n;
    row('per rating ÷ 1 M, all stages', ...runs.map((r) => `${(perRating(r) / perRating(oneM)).toFixed(2)}×`), ...blanks());
    row('per rating ÷ 1 M, loading and training', ...runs.map((r) => `${(linear(r) / linear(oneM)).toFixed(2)}×`), ...blanks());
  }
  const quality = runs.map(
    (r) =>
      `${r.n / 1e6} M: ${models.map((m) => `${m} ${r.models[m].recall10.toFixed(3)}`).join(', ')}, popularity ${(r.models.popularity ?? r.popularity).recall10.toFixed(3)}`,
  );
  console.log(`\nRecall@10 on the planted taste: ${quality.join('; ')}.\n`);
}

table('Natively (`reel eval`, both cores)', '');
table("The site's wasm module in Node (one thread, as in a browser tab)", '.wasm');
