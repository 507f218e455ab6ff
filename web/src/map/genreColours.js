// Each film's colour on the map: the group of its most distinctive genre — the rarest of its
// genres among the films on the map (MovieLens lists genres alphabetically, so the first says
// little: Toy Story is "Adventure" first, "Animation" by this rule). Eighteen genres are too many
// colours to tell apart, so related ones share a group; the ten colours read on light and dark.

export const GROUPS = [
  { name: 'Drama', genres: ['Drama'], colour: '#4e79a7' },
  { name: 'Comedy', genres: ['Comedy'], colour: '#d9b02f' },
  { name: 'Action & adventure', genres: ['Action', 'Adventure'], colour: '#f28e2b' },
  { name: 'Crime & thriller', genres: ['Crime', 'Thriller', 'Mystery', 'Film-Noir'], colour: '#e15759' },
  { name: 'Sci-fi & fantasy', genres: ['Sci-Fi', 'Fantasy'], colour: '#59b3ad' },
  { name: 'Animation & children', genres: ['Animation', 'Children'], colour: '#59a14f' },
  { name: 'Romance', genres: ['Romance'], colour: '#f592a0' },
  { name: 'Horror', genres: ['Horror'], colour: '#a66fa0' },
  { name: 'Documentary', genres: ['Documentary'], colour: '#9c755f' },
  { name: 'Musical, war & western', genres: ['Musical', 'War', 'Western'], colour: '#a7a29c' },
];
export const OTHER = GROUPS.length; // no genre at all (or only IMAX)
export const OTHER_COLOUR = '#8c8c8c';

/**
 * @param {Uint32Array} bits  each film's genres as the engine's bit set
 * @param {string[]} genreNames  the engine's genre order
 * @returns {Uint8Array}  each film's group: an index into GROUPS, or OTHER
 */
export function mainGroups(bits, genreNames) {
  const groupOf = genreNames.map((g) => GROUPS.findIndex((group) => group.genres.includes(g)));
  const count = new Array(genreNames.length).fill(0);
  for (const b of bits) for (let g = 0; g < genreNames.length; g++) if (b & (1 << g)) count[g] += 1;
  const out = new Uint8Array(bits.length);
  for (let i = 0; i < bits.length; i++) {
    let best = -1;
    for (let g = 0; g < genreNames.length; g++) {
      if (!(bits[i] & (1 << g)) || groupOf[g] < 0) continue;
      if (best < 0 || count[g] < count[best] || (count[g] === count[best] && g < best)) best = g;
    }
    out[i] = best < 0 ? OTHER : groupOf[best];
  }
  return out;
}

export const colourOf = (group) => (group === OTHER ? OTHER_COLOUR : GROUPS[group].colour);
export const groupName = (group) => (group === OTHER ? 'No genre' : GROUPS[group].name);
