// Starts the engine's downloads with the page: <link rel="preload"> for the worker's script, the
// wasm module and the packed data, so they arrive from the moment the HTML does rather than after
// the page's script and then the worker's have run. On a phone network each link of that chain is
// a round trip (562.5 ms on "Fast 3G"). The worker's own requests are then served by the HTTP
// cache, which holds each response for ten minutes on GitHub Pages (and in tests/e2e/staticServer.mjs).
const PRELOADS = [
  { what: 'the engine worker', match: /^assets\/engine\.worker-[\w-]+\.js$/ },
  { what: 'the wasm module', match: /^assets\/reel-[\w-]+\.wasm$/ },
];

/** @param {{ data: string[] }} options  data files (under ./data/) the worker fetches first */
export function preloadEngine({ data }) {
  return {
    name: 'reel-preload-engine',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const files = Object.keys(ctx.bundle ?? {});
        const hrefs = PRELOADS.map(({ what, match }) => {
          const file = files.find((f) => match.test(f));
          if (!file) throw new Error(`preloadEngine: no file for ${what} (${match}) in the bundle: ${files.join(', ')}`);
          return `./${file}`;
        });
        return [...hrefs, ...data.map((f) => `./data/${f}`)].map((href) => ({
          tag: 'link',
          attrs: { rel: 'preload', href, as: 'fetch', crossorigin: '' },
          injectTo: 'head',
        }));
      },
    },
  };
}
