// Debian's Chromium and the flags every headless run of it starts with, the tests' and the bench's:
// no sandbox (a container has none to give), no GPU, and no traffic of its own to mix with the site's.
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
