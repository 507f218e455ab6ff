// One polite live region for the whole page: changes a sighted visitor sees happen elsewhere (a new
// film picked, a list updated, ratings imported) are spoken to a screen-reader user too.

const listeners = new Set();

export function announce(text) {
  for (const listener of listeners) listener(text);
}

export function onAnnounce(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
