// Lighthouse 12.2.3 (performance only) against a served site, mobile and desktop presets, in
// Debian's Chromium. Used by browser.mjs; runnable alone: node web/bench/lighthouse.mjs URL
import { launch } from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../tests/e2e/chromium.mjs';

const PERF_ONLY = { onlyCategories: ['performance'], output: 'json', logLevel: 'error' };

/** The figures the benchmark reports from one Lighthouse run. */
function figures(lhr) {
  const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    fcp_ms: audit('first-contentful-paint'),
    lcp_ms: audit('largest-contentful-paint'),
    tbt_ms: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    si_ms: audit('speed-index'),
  };
}

/**
 * Runs the mobile preset (simulated slow 4G, 4× CPU) and the desktop preset `runs` times each on
 * `url`, each in a fresh profile (a first visit). Resolves to { mobile: [...], desktop: [...] }.
 */
export async function runLighthouse(url, runs = 1) {
  const out = { mobile: [], desktop: [] };
  for (let i = 0; i < runs; i++) {
    for (const preset of ['mobile', 'desktop']) {
      const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS] });
      try {
        const result = await lighthouse(url, { ...PERF_ONLY, port: chrome.port }, preset === 'desktop' ? desktopConfig : undefined);
        out[preset].push(figures(result.lhr));
      } finally {
        await chrome.kill();
      }
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runLighthouse(process.argv[2], Number(process.argv[3] ?? 1)), null, 1));
}
