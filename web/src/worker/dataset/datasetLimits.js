// What a dropped MovieLens may weigh, decided from its sizes before any of it is read, and the plain
// sentences that say so. The engine in a tab can grow to 4 GiB (WebAssembly's 32-bit memory). It
// reads ratings.csv in pieces, never holding the text, and at its peak — loaded, trained, measured —
// takes 3 to 4 bytes per byte of CSV: the module's memory after `scripts/bench-scale` ran the
// site's module in Node on `reel synth` data was 88 MiB for 1 M ratings (24 MB of CSV, 3.85 bytes
// a byte), 477 MiB for 5 M (125 MB, 4.00) and 1,986 MiB for 25 M (654 MB, 3.19). A file that needs
// more than 4 GiB even at the least of those rates is refused before reading (MovieLens 25M and
// 32M are not); one near the edge is tried, and if the engine runs out, outOfMemory() says so in
// the same words.

export const ENGINE_MEMORY = 4 * 2 ** 30;
export const PEAK_PER_CSV_BYTE = 3.0; // below the least measured, so a refusal is never a guess
const KNOWN_TO_FIT = 653_545_288; // the largest ratings.csv seen to load, train and be measured (25 M ratings)
const BYTES_PER_RATING = 26; // a ratings.csv line: "162541,4993,4.5,1240953389\n" (MovieLens 25M: 27)
// Loading in the engine ran at 26 to 35 MB of CSV a second in those runs; 28 is for time left.
export const PARSE_BYTES_PER_MS = 28_000;

const GB = 1e9;
const MB = 1e6;
/** "678 MB", "1.4 GB": sizes as a visitor's file manager shows them (decimal units). */
export function sizeText(/** @type {number} */ bytes) {
  // The unit follows the number as shown, after rounding: 999.7 MB reads "1.0 GB", not "1000 MB",
  // and 9.97 MB "10 MB", not "10.0 MB".
  if (Math.round(bytes / MB) >= 1000) return `${(bytes / GB).toFixed(1)} GB`;
  if (Number((bytes / MB).toFixed(1)) >= 10) return `${Math.round(bytes / MB)} MB`;
  return `${(bytes / MB).toFixed(1)} MB`;
}

// The same for counts: 999,600 ratings are "1 million", not "1000 thousand".
const millions = (/** @type {number} */ n) =>
  Math.round(n / 1e3) >= 1000 ? `${Math.round(n / 1e6)} million` : `${Math.round(n / 1e3)} thousand`;

/** The memory a ratings.csv of this size needs at its peak in the engine, at the least measured rate. */
export const neededBytes = (/** @type {number} */ ratingsBytes) => ratingsBytes * PEAK_PER_CSV_BYTE;

/**
 * Throws a plain refusal naming the sizes when ratings.csv cannot fit in the engine, or in this
 * device's memory as the browser reports it (navigator.deviceMemory, in GiB, where known).
 * @param {{ what: string, ratingsBytes: number, deviceMemoryGiB?: number|null }} size
 *   what: how to name the file ("ratings.csv in ml-25m.zip")
 */
export function checkFits({ what, ratingsBytes, deviceMemoryGiB = null }) {
  const need = neededBytes(ratingsBytes);
  const about = `${what} is ${sizeText(ratingsBytes)} — about ${millions(ratingsBytes / BYTES_PER_RATING)} ratings`;
  if (need > ENGINE_MEMORY) {
    throw new Error(
      `${about}. Loading it would take at least ${sizeText(need)}, and the engine in a browser tab can use at most 4.3 GB (4 GiB). ` +
        `Ratings files of ${sizeText(KNOWN_TO_FIT)} (some 25 million ratings) have been seen to fit. Nothing was read.`,
    );
  }
  if (deviceMemoryGiB && need > deviceMemoryGiB * 2 ** 30) {
    throw new Error(
      `${about}. Loading it would take at least ${sizeText(need)}, and this device reports about ${deviceMemoryGiB} GB of memory in all. Nothing was read.`,
    );
  }
}

/**
 * The engine ran out of memory while loading: the same sizes, after the fact.
 * @param {{ what: string, ratingsBytes: number }} size
 */
export function outOfMemory({ what, ratingsBytes }) {
  return (
    `The engine ran out of memory loading ${what} (${sizeText(ratingsBytes)} — about ${millions(ratingsBytes / BYTES_PER_RATING)} ratings): ` +
    `a browser tab’s engine can use at most 4.3 GB (4 GiB), and this file needs more. A smaller MovieLens fits (25 million ratings have been seen to).`
  );
}
