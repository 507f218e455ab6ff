// Keeps the chosen film in the address bar (?film=<movieId>) so a link opens straight to it.

export function readFilmId(search = window.location.search) {
  const raw = new URLSearchParams(search).get('film');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

export function filmHref(movieId) {
  return `?film=${movieId}`;
}

/** Adds a history entry so Back returns to the previous film. */
export function pushFilmId(movieId) {
  if (readFilmId() === movieId) return;
  const url = new URL(window.location.href);
  url.searchParams.set('film', String(movieId));
  url.hash = ''; // a share link's ratings belong to the entry it opened, not to every film picked after
  window.history.pushState({ film: movieId }, '', url);
}
