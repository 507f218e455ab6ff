// Watch together's people: a friend read from their share link (in the browser: the ratings travel
// in the link's fragment, nothing is fetched), what each member is called, and a pick's line saying
// whose ratings led to it.
import { readShare } from '../storage/shareLink.js';
import { listText, starsText, upperFirst } from '../ui/format.js';

export const MAX_FRIENDS = 3; // four people in all: the engine's limit (together.hpp)
const FULL = 'Watching together is for up to four people: remove a friend first.';

/** Whether two lists of ratings rate the same films the same. */
export function sameRatings(a, b) {
  if (a.length !== b.length) return false;
  const stars = new Map(a.map((e) => [e.movieId, e.stars]));
  return b.every((e) => stars.get(e.movieId) === e.stars);
}

/**
 * Why a link carrying `entries` cannot add a friend to the group (a sentence for the visitor), or
 * null: no room left, the visitor's own ratings, or a friend's already in. Pasted links and opened
 * ones are held to the same rules.
 * @param {{ movieId: number, stars: number }[]} entries
 * @param {{ yours?: { movieId: number, stars: number }[], friends?: { movieId: number, stars: number }[][] }} group
 */
export function cannotJoin(entries, { yours = [], friends = [] }) {
  if (friends.length >= MAX_FRIENDS) return FULL;
  if (sameRatings(entries, yours)) return 'That link carries your own ratings: ask your friend for theirs.';
  if (friends.some((f) => sameRatings(entries, f))) return 'That friend is already watching with you.';
  return null;
}

/**
 * A pasted share link (the whole address, or just its "#…ratings=…" part) → { friend } or { error } with
 * a sentence for the visitor. A friend is { entries, marks, cut } as readShare gives them (cut: what a
 * link that arrived cut short was made with).
 * @param {string} text
 * @param {number} friendsSoFar
 * @param {{ yours?: { movieId: number, stars: number }[], friends?: { movieId: number, stars: number }[][] }} [group]
 *   the ratings already in the group: a link that carries the same again adds no one
 */
export function readFriendLink(text, friendsSoFar, { yours = [], friends = [] } = {}) {
  if (friendsSoFar >= MAX_FRIENDS) return { error: FULL };
  const value = String(text ?? '').trim();
  if (value === '') return { error: 'Paste a friend’s Reel share link first.' };
  const at = value.indexOf('#');
  const share = readShare(at >= 0 ? value.slice(at) : value);
  if (!share) return { error: 'That is not a Reel share link: ask your friend for the one “Share link” makes on their Reel page.' };
  if (share.entries.length === 0)
    return { error: 'That link carries no rating Reel can read, so there is no taste to watch with. Ask your friend for a new link.' };
  const why = cannotJoin(share.entries, { yours, friends });
  if (why) return { error: why };
  return { friend: { entries: share.entries, marks: share.marks, cut: share.cut } };
}

/** "you", then "your friend" (one friend) or "friend 1", "friend 2", … (several). */
export function memberName(index, friends) {
  if (index === 0) return 'you';
  return friends === 1 ? 'your friend' : `friend ${index}`;
}

/**
 * "For you: Alien 5 stars · for your friend: Toy Story 5 stars and Up 4 stars" — each member whose
 * ratings led to the pick, in the members' order.
 * @param {{ because: { name: string, stars: number }[][] }} pick
 * @param {number} friends
 */
export function togetherReason(pick, friends) {
  const parts = pick.because
    .map((reasons, i) =>
      reasons.length ? `for ${memberName(i, friends)}: ${listText(reasons.map((b) => `${b.name} ${starsText(b.stars)}`))}` : '',
    )
    .filter(Boolean);
  if (parts.length === 0) return 'No one’s ratings single it out: it is here on how well it is liked overall.';
  const line = parts.join(' · ');
  return upperFirst(line);
}
