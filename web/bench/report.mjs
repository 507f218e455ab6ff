// Turns the benchmark's raw samples into the Markdown tables scripts/bench prints, and one JSON file.
//   node web/bench/report.mjs OUT.json native.json node.json browser.json eval_seconds.txt
// Models are whatever the samples hold (`<model>_epoch_ms`), in the registry's order.
import { readFileSync, writeFileSync } from 'node:fs';

const [out, ...inputs] = process.argv.slice(2);
const evalSeconds = readFileSync(inputs.pop(), 'utf8').trim().split(/\s+/).map(Number);
const [native, node, browser] = inputs.map((f) => JSON.parse(readFileSync(f, 'utf8')));
const runtimes = [native, node, browser];
const models = Object.keys(native.figures);

const sorted = (v) => [...v].sort((a, b) => a - b);
const median = (v) => { const s = sorted(v); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const pct = (v, p) => sorted(v)[Math.min(v.length - 1, Math.ceil((p / 100) * v.length) - 1)];
const f = (x, d = 1) => x.toFixed(d);
const spread = (v, d = 1) => `${f(median(v), d)} [${f(Math.min(...v), d)}–${f(Math.max(...v), d)}]`;
const kb = (b) => `${f(b / 1024, 1)} KB`;

const lines = [];
const row = (...cells) => lines.push(`| ${cells.join(' | ')} |`);
const summary = { runtimes: {}, budget: [] };

lines.push('### Training on the canonical split (ms; median [min–max]; floor = the same epoch as a bare loop, same run)', '');
row('runtime', 'model', 'ms/epoch', 'floor', 'engine/floor', 'total', 'RMSE', 'Recall@10');
row(...Array(8).fill('---'));
for (const r of runtimes) {
  const entry = (summary.runtimes[r.runtime] = { models: {}, load_ms: median(r.load_ms), evaluate_ms: median(r.evaluate_ms), heap_bytes: r.heap_bytes ?? null });
  let all = 0;
  for (const m of models) {
    const ratio = median(r[`${m}_epoch_ms`]) / median(r[`${m}_floor_epoch_ms`]);
    const fig = r.figures[m];
    row(r.runtime, m, spread(r[`${m}_epoch_ms`], 2), spread(r[`${m}_floor_epoch_ms`], 2), `${f(ratio, 2)}×`, spread(r[`${m}_total_ms`], 0),
      fig.rmse >= 0 ? f(fig.rmse, 4) : '–', f(fig.recall10, 4));
    entry.models[m] = { ratio, total_ms: median(r[`${m}_total_ms`]), visitor100_us: median(r[`${m}_visitor100_us`]) };
    all += median(r[`${m}_total_ms`]);
  }
  entry.all_ms = all;
  row(r.runtime, '**all**', '', '', '', f(all, 0), '', '');
}

lines.push('', '### Loading, evaluation and queries (median; queries also p99 — in wasm each sample is the mean of a batch of 10 calls, as browsers coarsen timers to 0.1 ms)', '');
row('runtime', 'parse split ms', 'evaluate ms', 'similar µs', 'top-N µs', 'search keystroke µs', ...models.map((m) => `visitor of 100 films, ${m} µs`), 'wasm heap after training');
row(...Array(7 + models.length).fill('---'));
for (const r of runtimes) {
  const q = (v) => `${f(median(v), 0)} (p99 ${f(pct(v, 99), 0)})`;
  row(r.runtime, f(median(r.load_ms), 0), f(median(r.evaluate_ms), 0), q(r.similar_us), q(r.recommend_us), q(r.search_us),
    ...models.map((m) => f(median(r[`${m}_visitor100_us`]), 0)), r.heap_bytes ? `${f(r.heap_bytes / 2 ** 20, 1)} MB` : '–');
  Object.assign(summary.runtimes[r.runtime], { similar_us: median(r.similar_us), recommend_us: median(r.recommend_us), search_us: median(r.search_us) });
}

lines.push('', `### The page in headless Chromium: navigation to ready ${spread(browser.page_ready_ms, 0)} ms over ${browser.page_ready_ms.length} loads`, '');
row('file', 'raw', 'gzip');
row('---', '---', '---');
let raw = 0, gz = 0;
for (const [name, b] of Object.entries(browser.page_bytes).sort((a, b) => b[1].raw - a[1].raw)) {
  row(name, kb(b.raw), kb(b.gzip));
  raw += b.raw; gz += b.gzip;
}
row('**total**', `**${kb(raw)}**`, `**${kb(gz)}**`);
lines.push('', `Native \`reel eval\` on the canonical split (parse, train every model, evaluate, neighbour recall), wall clock: ${spread(evalSeconds, 2)} s over ${evalSeconds.length} runs.`);

const worker = summary.runtimes[browser.runtime];
const wasmBytes = Object.entries(browser.page_bytes).find(([n]) => n.endsWith('.wasm'))?.[1].raw ?? 0;
const budget = [
  ['every model trained in the worker ≤ 1500 ms', worker.all_ms <= 1500, `${f(worker.all_ms, 0)} ms`],
  ['navigation to ready ≤ 2500 ms', median(browser.page_ready_ms) <= 2500, `${f(median(browser.page_ready_ms), 0)} ms`],
  ...models.map((m) => [`${m} epoch ≤ 1.5× floor (worker)`, worker.models[m].ratio <= 1.5, `${f(worker.models[m].ratio, 2)}×`]),
  ...models.map((m) => [`${m}: a visitor of 100 films folded in and answered ≤ 5 ms (worker)`, worker.models[m].visitor100_us <= 5000,
    `${f(worker.models[m].visitor100_us / 1000, 2)} ms`]),
  ['similar ≤ 1 ms median (worker)', worker.similar_us <= 1000, `${f(worker.similar_us, 0)} µs`],
  ['top-N ≤ 1 ms median (worker)', worker.recommend_us <= 1000, `${f(worker.recommend_us, 0)} µs`],
  ['search keystroke ≤ 2 ms median (worker)', worker.search_us <= 2000, `${f(worker.search_us, 0)} µs`],
  ['download ≤ 1.5 MB gzip', gz <= 1.5 * 2 ** 20, kb(gz)],
  ['native reel eval ≤ 2 s', median(evalSeconds) <= 2, `${f(median(evalSeconds), 2)} s`],
];
lines.push('', '### Budget', '');
row('line', 'measured', 'within');
row('---', '---', '---');
for (const [line, ok, shown] of budget) {
  row(line, shown, ok ? 'yes' : '**no**');
  summary.budget.push({ line, ok, shown });
}
lines.push('', `The wasm module is ${kb(wasmBytes)} raw.`);
summary.page = { ready_ms: browser.page_ready_ms, bytes: browser.page_bytes, raw_total: raw, gzip_total: gz };
summary.native_eval_seconds = evalSeconds;
summary.samples = { native, node, browser };
writeFileSync(out, JSON.stringify(summary, null, 2));
console.log(lines.join('\n'));
