// Turns the engine's packed catalog (typed arrays, strings as one UTF-8 blob with offsets) into
// film objects the UI can show. Names come from the engine's title grammar, never re-derived here.

/**
 * {bytes, offsets} → the i-th string, decoded once.
 * @param {{ bytes: Uint8Array, offsets: ArrayLike<number> }} packed
 * @returns {string[]}
 */
export function unpackStrings({ bytes, offsets }) {
  const decoder = new TextDecoder();
  const out = new Array(offsets.length - 1);
  for (let i = 0; i + 1 < offsets.length; i++) out[i] = decoder.decode(bytes.subarray(offsets[i], offsets[i + 1]));
  return out;
}

/**
 * Wraps the raw catalog once; `film(id)` is then a cheap lookup used for every result list.
 * withCounts false: only the films have arrived (no ratings yet), so a film's number of ratings is
 * unknown (null) rather than the engine's placeholder zero.
 * links: the engine's filmLinks() (IMDb and TMDB ids, catalogue order, 0 for none), once it has them.
 * @param {any} raw  the engine's catalog()
 * @param {{ withCounts?: boolean, strings?: { titles: string[], names: string[], aliases: string[] } | null,
 *   links?: { imdbIds: ArrayLike<number>, tmdbIds: ArrayLike<number> } | null }} [options]
 */
export function makeCatalog(raw, { withCounts = true, strings = null, links = null } = {}) {
  const n = raw.movieIds.length;
  const titles = strings?.titles ?? unpackStrings(raw.titles);
  const names = strings?.names ?? unpackStrings(raw.names);
  const aliases = strings?.aliases ?? unpackStrings(raw.aliases);
  if (titles.length !== n || names.length !== n || aliases.length !== n) {
    throw new Error(`catalog: ${titles.length} titles for ${n} films`);
  }
  const indexById = new Map();
  for (let i = 0; i < n; i++) indexById.set(raw.movieIds[i], i);

  // Copied out of wasm memory so later growth cannot invalidate them.
  const years = Int16Array.from(raw.years);
  const genreBits = Uint32Array.from(raw.genres);
  const counts = Int32Array.from(raw.counts);
  const genreNames = [...raw.genreNames]; // every tag, in the order of the engine's genre bits
  // The engine says which tags are formats (IMAX), not genres: a film's genres and the genres
  // offered leave them out.
  const formats = new Set(raw.formats ?? []);
  const offeredGenres = genreNames.filter((g) => !formats.has(g));
  if (links && (links.imdbIds.length !== n || links.tmdbIds.length !== n))
    throw new Error(`catalog: ${links.imdbIds.length} links for ${n} films`);
  const imdbIds = links ? Float64Array.from(links.imdbIds) : null;
  const tmdbIds = links ? Float64Array.from(links.tmdbIds) : null;

  function genresOf(/** @type {number} */ bits) {
    const out = [];
    for (let g = 0; g < genreNames.length; g++) if (bits & (1 << g) && !formats.has(genreNames[g])) out.push(genreNames[g]);
    return out;
  }

  /** @param {number} movieId */
  function film(movieId) {
    const i = indexById.get(movieId);
    if (i === undefined) throw new Error(`catalog: unknown movieId ${movieId}`);
    return {
      movieId,
      title: titles[i],
      name: names[i],
      alias: aliases[i] || null,
      year: years[i] || null,
      genres: genresOf(genreBits[i]),
      ratings: withCounts ? counts[i] : null,
      imdbId: imdbIds?.[i] || null,
      tmdbId: tmdbIds?.[i] || null,
    };
  }

  /** The film's genres as the engine's bit set (genreNames order), for colouring by genre. */
  function genreBitsOf(/** @type {number} */ movieId) {
    return genreBits[indexById.get(movieId)] ?? 0;
  }

  // The span of release years, so the page can say the catalogue runs to 2018 without hard-coding it.
  let minYear = 0;
  let maxYear = 0;
  for (const y of years) {
    if (y <= 0) continue;
    if (minYear === 0 || y < minYear) minYear = y;
    if (y > maxYear) maxYear = y;
  }

  /**
   * The same films with their training counts, once the ratings have arrived: the titles are not
   * unpacked again (the engine parsed the same movies.csv, so the order is the same).
   */
  /** @param {ArrayLike<number>} trainingCounts @returns {ReturnType<typeof makeCatalog>} */
  function counted(trainingCounts) {
    if (trainingCounts.length !== n) throw new Error(`catalog: ${trainingCounts.length} counts for ${n} films`);
    return makeCatalog({ ...raw, counts: trainingCounts }, { strings: { titles, names, aliases }, links });
  }

  /** The same films with their IMDb and TMDB ids, as the engine read them from links.csv. */
  /** @param {{ imdbIds: ArrayLike<number>, tmdbIds: ArrayLike<number> }} filmLinks @returns {ReturnType<typeof makeCatalog>} */
  function linked(filmLinks) {
    return makeCatalog(raw, { withCounts, strings: { titles, names, aliases }, links: filmLinks });
  }

  return {
    size: n,
    genreNames,
    offeredGenres,
    film,
    genreBitsOf,
    counted,
    linked,
    has: (/** @type {number} */ id) => indexById.has(id),
    yearRange: { min: minYear, max: maxYear },
  };
}
