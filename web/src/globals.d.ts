// What Vite's `define` adds to the code at build time (vite.config.js, plugins/buildInfo.js).
declare const __REEL_BUILD__: { id: string; sizes: Record<string, number> } | undefined;
