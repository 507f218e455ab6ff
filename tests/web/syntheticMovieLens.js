// MovieLens-shaped CSV text made in JS for the dropped-dataset tests, after the engine's own
// generator (wasm/reel/synthetic_movielens.cpp, not exposed to JS): film f and user u belong to
// group f % groups and u % groups, 70 % of a user's ratings fall in their group and are higher there.
// Seeded, so every run makes the same bytes.

function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GENRES = ['Action', 'Comedy', 'Drama', 'Horror', 'Romance', 'Sci-Fi', 'Western'];

/**
 * @param {{ users?: number, films?: number, groups?: number, seed?: number, imdbBase?: number }} [shape]
 * @returns {{ movies: string, ratings: string, links: string, count: number, users: number, films: number,
 *   groups: number, groupOf: (movieId: number) => number, title: (movieId: number) => string }}
 */
export function syntheticMovieLens({ users = 250, films = 300, groups = 5, seed = 7, imdbBase = 9000000 } = {}) {
  const rng = random(seed);
  const groupOf = (movieId) => (movieId - 1) % groups;
  const year = (movieId) => 1950 + ((movieId - 1) % 69);
  const title = (movieId) => `Film ${movieId}`;
  let movies = 'movieId,title,genres\n';
  let links = 'movieId,imdbId,tmdbId\n';
  const quality = [];
  for (let id = 1; id <= films; id++) {
    quality[id] = rng() * 1.2 - 0.6;
    movies += `${id},${title(id)} (${year(id)}),${GENRES[groupOf(id) % GENRES.length]}\n`;
    links += `${id},${String(imdbBase + id).padStart(7, '0')},${100000 + id}\n`;
  }
  // Zipf within a group: its k-th film drawn with weight 1 / (k + 1).
  const perGroup = Math.ceil(films / groups);
  const cdf = [];
  let total = 0;
  for (let k = 0; k < perGroup; k++) cdf.push((total += 1 / (k + 1)));
  const draw = (group) => {
    for (;;) {
      const x = rng() * total;
      const k = cdf.findIndex((c) => c > x);
      const id = (k < 0 ? perGroup - 1 : k) * groups + group + 1;
      if (id <= films) return id;
    }
  };
  const lines = ['userId,movieId,rating,timestamp'];
  let time = 1_000_000_000;
  for (let u = 1; u <= users; u++) {
    const group = (u - 1) % groups;
    const bias = rng() - 0.5;
    const n = Math.min(Math.floor(films / 2), 20 + Math.floor(-Math.log(1 - rng()) * 60));
    const rated = new Set();
    while (rated.size < n) {
      const own = rng() < 0.7;
      const id = draw(own ? group : Math.floor(rng() * groups));
      if (rated.has(id)) continue;
      rated.add(id);
      const stars = 3.1 + (groupOf(id) === group ? 0.9 : -0.4) + quality[id] + bias + (rng() - 0.5) * 1.6;
      const half = Math.round(Math.min(5, Math.max(0.5, stars)) * 2);
      lines.push(`${u},${id},${(half / 2).toFixed(1)},${time++}`);
    }
  }
  return { movies, ratings: `${lines.join('\n')}\n`, links, count: lines.length - 1, users, films, groups, groupOf, title };
}
