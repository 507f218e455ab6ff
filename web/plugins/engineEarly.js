// Vite plugin: index.html starts downloading the engine (reel.wasm) as it is read, before the page's
// script is in. On a slow line the engine, the largest file, then downloads beside the page's script
// instead of after it and the worker's script; the page hands the response to the worker
// (src/engine/responsePort.js). A fetch rather than <link rel=preload>: WebKit does not give a
// fetch() the preload of the same file and would download it twice. At low priority (where a
// browser takes the hint), so the page's script and style come first. The packed data is not
// started here: beside the engine it delays search, and the first answer comes no sooner
// (docs/benchmarks.md, issue 26).

/** The global the page reads the response from (src/main.jsx, src/globals.d.ts). */
export const EARLY_ENGINE = 'reelEngine';

/** @returns {import('vite').Plugin} */
export function engineEarly() {
  return {
    name: 'reel-engine-early',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const engine = Object.keys(bundle ?? {}).filter((name) => /(^|\/)reel-[\w-]+\.wasm$/.test(name));
        if (engine.length !== 1) throw new Error(`engineEarly: expected one reel-*.wasm in the bundle, found ${engine.length}`);
        // Caught here so a failure waits, unreported, for the page to hand it on.
        const script = `<script>self.${EARLY_ENGINE} = fetch(${JSON.stringify(`./${engine[0]}`)}, { priority: 'low' }); self.${EARLY_ENGINE}.catch(() => {});</script>`;
        // Right after the charset, before the stylesheet: a script after one waits for it to arrive.
        const charset = /<meta charset="utf-8" \/>\n/;
        if (!charset.test(html)) throw new Error('engineEarly: index.html has no <meta charset="utf-8" /> line to follow');
        return html.replace(charset, (line) => `${line}    ${script}\n`);
      },
    },
  };
}
