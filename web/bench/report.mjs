// Turns the benchmark's raw samples into Markdown tables and one JSON file, and writes the tables
// into docs/benchmarks.md: each table replaces what lies between its markers there,
// `<!-- bench:NAME -->` … `<!-- /bench:NAME -->`, and nothing else in the file changes.
//   node web/bench/report.mjs OUT.json native.json node.json browser.json eval_seconds.txt [--doc FILE]
//   node web/bench/report.mjs --splice FILE NAME TABLES.md [--ran "COMMAND"]
// The first form is scripts/bench's: it prints the tables and writes them into FILE (default
// docs/benchmarks.md; `--doc ''` only prints). The second is scripts/bench-scale's: it writes the
// Markdown in TABLES.md into FILE's block NAME, and a line saying what ran, at which commit and
// when into the block NAME-measured. A block the file lacks is added at its end, with a warning.
// Models are whatever the samples hold (`<model>_epoch_ms`), in the registry's order. Every budget
// line is a figure from this one run; ratios set two figures of the same run side by side, so they
// hold on a noisy machine.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

const DEFAULT_DOC = 'docs/benchmarks.md';

/** Replaces the body of each named block of `text`; returns the new text and the names it lacked. */
export function spliceBlocks(text, blocks) {
  const missing = [];
  for (const [name, body] of Object.entries(blocks)) {
    const open = `<!-- bench:${name} -->`;
    const close = `<!-- /bench:${name} -->`;
    const start = text.indexOf(open);
    const end = text.indexOf(close, start);
    if (start < 0 || end < 0) {
      missing.push(name);
      text = `${text.replace(/\n*$/, '')}\n\n${open}\n${body.trim()}\n${close}\n`;
      continue;
    }
    if (text.indexOf(open, start + open.length) >= 0) throw new Error(`report: ${open} appears twice`);
    text = `${text.slice(0, start + open.length)}\n${body.trim()}\n${text.slice(end)}`;
  }
  return { text, missing };
}

/** Writes `blocks` into the Markdown file `doc` (made if absent), leaving everything else as it was. */
export function writeBlocks(doc, blocks) {
  const before = existsSync(doc) ? readFileSync(doc, 'utf8') : '# Benchmarks\n';
  const { text, missing } = spliceBlocks(before, blocks);
  if (missing.length) console.error(`report: ${doc} had no block for ${missing.join(', ')}: added at its end`);
  writeFileSync(doc, text);
  console.error(`report: wrote ${Object.keys(blocks).join(', ')} into ${doc}`);
}

/** "`scripts/bench 3` at commit 1a2b3c4 on 2026-12-06, on 2 cores (CPU)": what ran, where and when. */
export function measuredLine(ran) {
  const git = (...args) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  let commit = 'an unknown commit (no git)';
  try {
    commit = `commit ${git('rev-parse', '--short', 'HEAD')}`;
    if (git('status', '--porcelain', '--untracked-files=no', '--', 'wasm', 'web', 'CMakeLists.txt'))
      commit += ' with uncommitted changes to wasm/ or web/';
  } catch {
    // Not a git checkout: say so rather than guess.
  }
  const cores = cpus();
  const day = new Date().toISOString().slice(0, 10);
  return `\`${ran}\` at ${commit} on ${day}, on ${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown processor'}).`;
}

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [, value] = args.splice(i, 2);
  return value;
};

// Run as a command only: bigProfile.mjs imports writeBlocks and measuredLine from here.
if (import.meta.url !== `file://${process.argv[1]}`) {
  // imported
} else if (args[0] === '--splice') {
  const ran = option('--ran');
  const [, doc, name, from] = args;
  const blocks = { [name]: readFileSync(from, 'utf8') };
  if (ran) blocks[`${name}-measured`] = measuredLine(ran);
  writeBlocks(doc, blocks);
} else {
  const doc = option('--doc') ?? DEFAULT_DOC;
  const { summary, blocks } = canonical(args);
  writeFileSync(summary.out, JSON.stringify(summary.json, null, 2));
  console.log(Object.values(blocks).join('\n\n'));
  if (doc) writeBlocks(doc, { 'speed-measured': measuredLine(`scripts/bench ${summary.json.native_eval_seconds.length}`), ...blocks });
}

// The canonical split's tables, one block each, and the JSON summary.
function canonical([out, ...inputs]) {
  const evalSeconds = readFileSync(inputs.pop(), 'utf8').trim().split(/\s+/).map(Number);
  const [native, node, browser] = inputs.map((f) => JSON.parse(readFileSync(f, 'utf8')));
  const runtimes = [native, node, browser];
  // The models that train: the popularity baseline is registered too, but learns nothing and has no floor.
  const models = Object.keys(native.figures).filter((m) => native[`${m}_epoch_ms`]?.length);

  const sorted = (v) => [...v].sort((a, b) => a - b);
  const median = (v) => {
    const s = sorted(v);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  const pct = (v, p) => sorted(v)[Math.min(v.length - 1, Math.max(0, Math.ceil((p / 100) * v.length) - 1))];
  const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');
  const spread = (v, d = 1) => (v.length > 1 ? `${f(median(v), d)} [${f(Math.min(...v), d)}–${f(Math.max(...v), d)}]` : f(v[0], d));
  const kb = (b) => `${f(b / 1024, 1)} KB`;
  const max = (v) => (v.length ? Math.max(...v) : 0);

  const blocks = {};
  let lines;
  // Every table that follows goes into the block `name` of docs/benchmarks.md.
  const block = (name) => {
    lines = blocks[name] = [];
  };
  const row = (...cells) => lines.push(`| ${cells.join(' | ')} |`);
  const head = (...cells) => {
    row(...cells);
    row(...cells.map(() => '---'));
  };
  const summary = { runtimes: {}, budget: [] };

  block('training');
  lines.push('### Training on the canonical split (ms; median [min–max]; floor = the same epoch as a bare loop, same run)', '');
  head('runtime', 'model', 'ms/epoch', 'floor', 'engine/floor', 'total', 'RMSE', 'Recall@10');
  for (const r of runtimes) {
    const entry = (summary.runtimes[r.runtime] = {
      models: {},
      load_ms: median(r.load_ms),
      evaluate_ms: median(r.evaluate_ms),
      heap_bytes: r.heap_bytes ?? null,
    });
    let all = 0;
    for (const m of models) {
      const ratio = median(r[`${m}_epoch_ms`]) / median(r[`${m}_floor_epoch_ms`]);
      const fig = r.figures[m];
      row(
        r.runtime,
        m,
        spread(r[`${m}_epoch_ms`], 2),
        spread(r[`${m}_floor_epoch_ms`], 2),
        `${f(ratio, 2)}×`,
        spread(r[`${m}_total_ms`], 0),
        fig.rmse >= 0 ? f(fig.rmse, 4) : '–',
        f(fig.recall10, 4),
      );
      entry.models[m] = { ratio, total_ms: median(r[`${m}_total_ms`]), visitor100_us: median(r[`${m}_visitor100_us`]) };
      all += median(r[`${m}_total_ms`]);
    }
    entry.all_ms = all;
    row(r.runtime, '**all**', '', '', '', f(all, 0), '', '');
  }

  // Cold: the worker's first training run ever (the wasm tiers up meanwhile); warm: later runs in it.
  const cold = {};
  if ((browser[`${models[0]}_total_ms`] ?? []).length > 1) {
    block('cold-start');
    lines.push('### The first training run in a fresh Chromium worker against later ones in the same worker (ms)', '');
    head('model', 'cold: first run', 'warm: later runs', 'cold ÷ warm', 'first epoch, cold', 'first epoch, warm');
    let c = 0;
    let w = 0;
    for (const m of models) {
      const totals = browser[`${m}_total_ms`];
      const firsts = browser[`${m}_first_epoch_ms`] ?? [];
      const warm = median(totals.slice(1));
      c += totals[0];
      w += warm;
      cold[m] = totals[0] / warm;
      row(
        m,
        f(totals[0], 0),
        f(warm, 0),
        `${f(totals[0] / warm, 2)}×`,
        f(firsts[0], 1),
        firsts.length > 1 ? f(median(firsts.slice(1)), 1) : '–',
      );
    }
    row('**all**', f(c, 0), f(w, 0), `${f(c / w, 2)}×`, '', '');
    cold.all = c / w;
  } else {
    block('cold-start');
    lines.push('The first training run in a fresh Chromium worker against later ones needs `scripts/bench 2` or more.');
  }

  block('queries');
  lines.push(
    '### Loading, evaluation and queries (median; queries also p99 — in wasm each sample is the mean of a batch of 10 calls, as browsers coarsen timers to 0.1 ms)',
    '',
  );
  head(
    'runtime',
    'parse split ms',
    'evaluate ms',
    'similar µs',
    'top-N µs',
    'search keystroke µs',
    ...models.map((m) => `visitor of 100 films, ${m} µs`),
    'wasm heap after training',
  );
  for (const r of runtimes) {
    const q = (v) => `${f(median(v), 0)} (p99 ${f(pct(v, 99), 0)})`;
    row(
      r.runtime,
      f(median(r.load_ms), 0),
      f(median(r.evaluate_ms), 0),
      q(r.similar_us),
      q(r.recommend_us),
      q(r.search_us),
      ...models.map((m) => f(median(r[`${m}_visitor100_us`]), 0)),
      r.heap_bytes ? `${f(r.heap_bytes / 2 ** 20, 1)} MB` : '–',
    );
    Object.assign(summary.runtimes[r.runtime], {
      similar_us: median(r.similar_us),
      recommend_us: median(r.recommend_us),
      search_us: median(r.search_us),
    });
  }

  // The site as a visitor meets it.
  const v = browser.visits;
  const col = (list, key) => list.map((x) => x[key]);
  const firstAnswer = median(col(v.first, 'answer_ms'));
  const returnAnswer = median(col(v.return, 'answer_ms'));
  const slowAnswer = median(col(v.throttled, 'answer_ms'));
  block('page');
  lines.push(
    `### The page in headless Chromium, from navigation (ms; median [min–max]; a neighbour list on screen is ?film=1's ten films like Toy Story)`,
    '',
  );
  head('visit', 'loads', 'search works', 'first answer', 'ready', 'files from the network');
  row(
    'first, no throttling',
    v.first.length,
    spread(col(v.first, 'search_ms'), 0),
    spread(col(v.first, 'answer_ms'), 0),
    spread(col(v.first, 'ready_ms'), 0),
    'all',
  );
  row(
    'return (service worker, kept models)',
    v.return.length,
    spread(col(v.return, 'search_ms'), 0),
    spread(col(v.return, 'answer_ms'), 0),
    spread(col(v.return, 'ready_ms'), 0),
    `${max(v.return.map((r) => r.network_requests.length))} (models restored: ${v.return.filter((r) => r.restored).length} of ${v.return.length})`,
  );
  row(
    'first, "Fast 3G" + 4× CPU',
    v.throttled.length,
    spread(col(v.throttled, 'search_ms'), 0),
    spread(col(v.throttled, 'answer_ms'), 0),
    spread(col(v.throttled, 'ready_ms'), 0),
    'all',
  );
  const slowReturn = v.throttled_return ?? [];
  if (slowReturn.length) {
    row(
      'return, "Fast 3G" + 4× CPU',
      slowReturn.length,
      spread(col(slowReturn, 'search_ms'), 0),
      spread(col(slowReturn, 'answer_ms'), 0),
      spread(col(slowReturn, 'ready_ms'), 0),
      `${max(slowReturn.map((r) => r.network_requests.length))} (models restored: ${slowReturn.filter((r) => r.restored).length} of ${slowReturn.length})`,
    );
  }
  row('**return ÷ first** (first answer), no throttling', '', '', `**${f((100 * returnAnswer) / firstAnswer, 0)} %**`, '', '');
  if (slowReturn.length)
    row(
      '**return ÷ first** (first answer), "Fast 3G" + 4× CPU',
      '',
      '',
      `**${f((100 * median(col(slowReturn, 'answer_ms'))) / slowAnswer, 0)} %**`,
      '',
      '',
    );
  row('**Fast 3G + 4× ÷ no throttling** (first answer)', '', '', `**${f(slowAnswer / firstAnswer, 1)}×**`, '', '');

  block('main-thread');
  lines.push('### The main thread while training, and layout shift (in the page, from navigation to 1.5 s after ready)', '');
  head('first visit', 'long tasks while training', 'longest while training', 'longest anywhere', 'CLS');
  const tasks = (list) => list.flatMap((x) => x.long_tasks_training);
  const all = (list) => list.flatMap((x) => x.long_tasks_all);
  for (const [label, list] of [
    ['no throttling', v.first],
    ['"Fast 3G" + 4× CPU', v.throttled],
  ]) {
    row(
      label,
      `${tasks(list).length} in ${list.length} loads`,
      `${f(max(tasks(list)), 0)} ms`,
      `${f(max(all(list)), 0)} ms`,
      f(max(col(list, 'cls')), 4),
    );
  }

  const lh = browser.lighthouse;
  block('lighthouse');
  lines.push('### Lighthouse 12.2.3, performance (the site served with gzip; its own simulated throttling)', '');
  head('preset', 'score', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS', 'Speed Index ms');
  for (const preset of ['mobile', 'desktop']) {
    const r = lh[preset];
    row(
      preset,
      spread(col(r, 'score'), 0),
      spread(col(r, 'fcp_ms'), 0),
      spread(col(r, 'lcp_ms'), 0),
      spread(col(r, 'tbt_ms'), 0),
      f(max(col(r, 'cls')), 4),
      spread(col(r, 'si_ms'), 0),
    );
  }

  const m = v.map;
  const gaps = m.frame_gaps_ms;
  block('map');
  lines.push(`### The map: a drag around a circle over all ${m.films} films, zoomed in 3.4×, one mouse move per frame`, '');
  head('frames', 'frames per second', 'frame gap p95', 'longest frame gap', 'draw p50 / p95 / max', 'longest main-thread task');
  row(
    m.frames,
    f(m.fps, 1),
    `${f(pct(gaps, 95), 1)} ms`,
    `${f(max(gaps), 1)} ms`,
    `${f(median(m.draw_ms), 2)} / ${f(pct(m.draw_ms, 95), 2)} / ${f(max(m.draw_ms), 2)} ms`,
    m.long_tasks.length ? `${f(max(m.long_tasks), 0)} ms` : 'none over 50 ms',
  );

  block('bytes');
  lines.push(
    '### What the site sent over the network (each file once; the service worker precaches links.csv, which the page fetches only for an IMDb import)',
    '',
  );
  head('file', 'raw', 'gzip');
  let raw = 0;
  let gz = 0;
  for (const [name, b] of Object.entries(browser.page_bytes).sort((a, b) => b[1].raw - a[1].raw)) {
    row(name, kb(b.raw), kb(b.gzip));
    raw += b.raw;
    gz += b.gzip;
  }
  row('**total**', `**${kb(raw)}**`, `**${kb(gz)}**`);
  block('eval-wall');
  lines.push(
    `Native \`reel eval\` on the canonical split (parse, train every model, evaluate, neighbour recall), wall clock: ${spread(evalSeconds, 2)} s over ${evalSeconds.length} runs.`,
  );

  const worker = summary.runtimes[browser.runtime];
  const wasmBytes = Object.entries(browser.page_bytes).find(([n]) => n.endsWith('.wasm'))?.[1].raw ?? 0;
  const floorBudget = { rating: 1.25, ranking: 1.4 }; // issue 11; others keep 1.5
  const longest = max(tasks(v.first));
  const budget = [
    [
      'return visit ≤ 25 % of the first visit (first answer), no throttling',
      returnAnswer <= 0.25 * firstAnswer,
      `${f((100 * returnAnswer) / firstAnswer, 0)} %`,
    ],
    ...(slowReturn.length
      ? [
          [
            '… and on "Fast 3G" + 4× CPU',
            median(col(slowReturn, 'answer_ms')) <= 0.25 * slowAnswer,
            `${f((100 * median(col(slowReturn, 'answer_ms'))) / slowAnswer, 0)} %`,
          ],
        ]
      : []),
    [
      'first visit, no throttling: ready ≤ 2.9 s (the build before issue 11, measured the same way)',
      median(col(v.first, 'ready_ms')) <= 2900,
      `${f(median(col(v.first, 'ready_ms')), 0)} ms`,
    ],
    ['Lighthouse mobile ≥ 95', median(col(lh.mobile, 'score')) >= 95, f(median(col(lh.mobile, 'score')), 0)],
    ['Lighthouse desktop 100', median(col(lh.desktop, 'score')) >= 100, f(median(col(lh.desktop, 'score')), 0)],
    [
      'CLS ≤ 0.02 (Lighthouse, both presets, and in the page)',
      Math.max(...col(lh.mobile, 'cls'), ...col(lh.desktop, 'cls'), ...col(v.first, 'cls')) <= 0.02,
      f(Math.max(...col(lh.mobile, 'cls'), ...col(lh.desktop, 'cls'), ...col(v.first, 'cls')), 4),
    ],
    ['Lighthouse mobile TBT ≤ 200 ms', median(col(lh.mobile, 'tbt_ms')) <= 200, `${f(median(col(lh.mobile, 'tbt_ms')), 0)} ms`],
    [
      'no main-thread long task over 100 ms while training (no throttling)',
      longest <= 100,
      longest ? `${f(longest, 0)} ms` : 'none over 50 ms',
    ],
    ['… and with the CPU slowed 4×', max(tasks(v.throttled)) <= 100, `${f(max(tasks(v.throttled)), 0)} ms`],
    ['map: 60 frames a second while panning (≥ 58)', m.fps >= 58, f(m.fps, 1)],
    [
      'map: nothing on the main thread over 50 ms while panning',
      m.long_tasks.length === 0,
      m.long_tasks.length ? `${f(max(m.long_tasks), 0)} ms` : 'none',
    ],
    ...models.map((name) => {
      const limit = floorBudget[name] ?? 1.5;
      return [`${name} epoch ≤ ${limit}× floor (worker)`, worker.models[name].ratio <= limit, `${f(worker.models[name].ratio, 2)}×`];
    }),
    ...(cold.all ? [['cold first training run ≤ 1.1× a warm one (worker)', cold.all <= 1.1, `${f(cold.all, 2)}×`]] : []),
    ['every model trained in the worker ≤ 1500 ms', worker.all_ms <= 1500, `${f(worker.all_ms, 0)} ms`],
    ...models.map((name) => [
      `${name}: a visitor of 100 films folded in and answered ≤ 5 ms (worker)`,
      worker.models[name].visitor100_us <= 5000,
      `${f(worker.models[name].visitor100_us / 1000, 2)} ms`,
    ]),
    ['similar ≤ 1 ms median (worker)', worker.similar_us <= 1000, `${f(worker.similar_us, 0)} µs`],
    ['top-N ≤ 1 ms median (worker)', worker.recommend_us <= 1000, `${f(worker.recommend_us, 0)} µs`],
    ['search keystroke ≤ 2 ms median (worker)', worker.search_us <= 2000, `${f(worker.search_us, 0)} µs`],
    ['download ≤ 1.5 MB gzip', gz <= 1.5 * 2 ** 20, kb(gz)],
    ['native reel eval ≤ 2 s', median(evalSeconds) <= 2, `${f(median(evalSeconds), 2)} s`],
  ];
  block('budget');
  lines.push('### Budget', '');
  head('line', 'measured', 'within');
  for (const [line, ok, shown] of budget) {
    row(line, shown, ok ? 'yes' : '**no**');
    summary.budget.push({ line, ok, shown });
  }
  lines.push('', `The wasm module is ${kb(wasmBytes)} raw.`);
  summary.page = { visits: v, bytes: browser.page_bytes, raw_total: raw, gzip_total: gz, lighthouse: lh, cold };
  summary.native_eval_seconds = evalSeconds;
  summary.samples = { native, node, browser };
  return {
    summary: { out, json: summary },
    blocks: Object.fromEntries(Object.entries(blocks).map(([name, text]) => [name, text.join('\n')])),
  };
}
