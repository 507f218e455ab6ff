// Turns the engine's packed catalog (typed arrays + joined titles) into film objects the UI can show.

// Articles MovieLens moves to the end ("Usual Suspects, The"); we put them back for display.
const ARTICLE = /^(.*?), (The|A|An|Le|La|Les|L'|El|Il|Der|Die|Das)(\s\(.*\))?$/;
const TRAILING_YEAR = /\s*\((\d{4})(?:[–-]\d{0,4})?\)\s*$/;

/** "Usual Suspects, The (1995)" → "The Usual Suspects"; keeps alternate titles in brackets. */
export function displayName(title) {
  const bare = title.trim().replace(TRAILING_YEAR, '');
  const m = ARTICLE.exec(bare);
  if (!m) return bare;
  const article = m[2];
  const joiner = article.endsWith("'") ? '' : ' ';
  return `${article}${joiner}${m[1]}${m[3] ?? ''}`;
}

/** Wraps the raw catalog once; `film(id)` is then a cheap lookup used for every result list. */
export function makeCatalog(raw) {
  const titles = raw.titles.length ? raw.titles.split('\n') : [];
  const n = raw.movieIds.length;
  if (titles.length !== n) {
    throw new Error(`catalog: ${titles.length} titles for ${n} films`);
  }
  const indexById = new Map();
  for (let i = 0; i < n; i++) indexById.set(raw.movieIds[i], i);

  // Copied out of wasm memory so later growth cannot invalidate them.
  const years = Int16Array.from(raw.years);
  const genreBits = Uint32Array.from(raw.genres);
  const counts = Int32Array.from(raw.counts);
  const genreNames = [...raw.genreNames];

  function genresOf(bits) {
    const out = [];
    for (let g = 0; g < genreNames.length; g++) if (bits & (1 << g)) out.push(genreNames[g]);
    return out;
  }

  function film(movieId) {
    const i = indexById.get(movieId);
    if (i === undefined) throw new Error(`catalog: unknown movieId ${movieId}`);
    return {
      movieId,
      title: titles[i],
      name: displayName(titles[i]),
      year: years[i] || null,
      genres: genresOf(genreBits[i]),
      ratings: counts[i],
    };
  }

  /** True when the two films have no genre in common — the interesting neighbours. */
  function sharesNoGenre(a, b) {
    return (genreBits[indexById.get(a)] & genreBits[indexById.get(b)]) === 0;
  }

  return { size: n, genreNames, film, has: (id) => indexById.has(id), sharesNoGenre };
}
