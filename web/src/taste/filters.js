// What the visitor narrows lists to, and how that becomes the engine's filter object. The engine
// applies it (so a filtered list is still ten films); this file only names the choices.

/** The "hidden gems ↔ crowd-pleasers" scale, on the number of training ratings a film has. */
export const FAME = [
  { label: 'Hidden gems', detail: 'films with at most 20 ratings here', maxRatings: 20 },
  { label: 'Lesser known', detail: 'films with at most 50 ratings here', maxRatings: 50 },
  { label: 'Any film', detail: 'however many people rated it' },
  { label: 'Well known', detail: 'films with at least 30 ratings here', minRatings: 30 },
  { label: 'Crowd-pleasers', detail: 'films with at least 80 ratings here', minRatings: 80 },
];
export const ANY_FAME = 2;

export const NO_FILTERS = Object.freeze({ include: [], exclude: [], fromDecade: null, toDecade: null, fame: ANY_FAME });

/** The decades a catalogue spans: { min: 1902, max: 2018 } → [1900, 1910, …, 2010]. */
export function decadesOf(years) {
  if (!years?.min) return [];
  const out = [];
  for (let d = Math.floor(years.min / 10) * 10; d <= years.max; d += 10) out.push(d);
  return out;
}

/** The page's filter state → the engine's filter (undefined when nothing narrows). */
export function engineFilter(f, extra = {}) {
  const out = { ...extra };
  if (f.include.length) out.anyGenre = [...f.include];
  if (f.exclude.length) out.noGenre = [...f.exclude];
  if (f.fromDecade !== null) out.fromYear = f.fromDecade;
  if (f.toDecade !== null) out.toYear = f.toDecade + 9;
  const fame = FAME[f.fame];
  if (fame.minRatings) out.minRatings = fame.minRatings;
  if (fame.maxRatings) out.maxRatings = fame.maxRatings;
  return Object.keys(out).length ? out : undefined;
}

export function isFiltered(f) {
  return engineFilter(f) !== undefined;
}

/** "Comedy or Drama · not Horror · 1990s–2000s · hidden gems" — what the lists are narrowed to. */
export function describeFilters(f) {
  const parts = [];
  if (f.include.length) parts.push(f.include.join(' or '));
  if (f.exclude.length) parts.push(`not ${f.exclude.join(' or ')}`);
  if (f.fromDecade !== null || f.toDecade !== null) {
    const from = f.fromDecade !== null ? `${f.fromDecade}s` : 'any time';
    const to = f.toDecade !== null ? `${f.toDecade}s` : 'now';
    parts.push(from === to ? from : `${from}–${to}`);
  }
  if (f.fame !== ANY_FAME) parts.push(FAME[f.fame].label.toLowerCase());
  return parts.join(' · ');
}

/** Including a genre takes it out of the excluded ones and back: a genre cannot be both. */
export function toggleGenre(f, genre, side) {
  const other = side === 'include' ? 'exclude' : 'include';
  const on = f[side].includes(genre);
  return {
    ...f,
    [side]: on ? f[side].filter((g) => g !== genre) : [...f[side], genre],
    [other]: f[other].filter((g) => g !== genre),
  };
}
