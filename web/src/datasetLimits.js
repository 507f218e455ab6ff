// What a dropped MovieLens may weigh, decided from its sizes before any of it is read, and the plain
// sentences that say so. The engine in a tab can grow to 4 GiB (WebAssembly's 32-bit memory), and
// loading ratings.csv takes 6.5 to 9 bytes of it per byte of CSV — the module's memory after
// engine.load, measured with the site's module in Node on `reel synth` data: 1 M ratings (24 MB of
// CSV) 173 MB, 5 M (125 MB) 1.10 GB, 15 M (384 MB) 2.56 GB; an earlier run saw 20 M (517 MB) reach
// 4.2 GB and 25 M (654 MB) run out. A file that needs more than 4 GiB even at the least of those
// rates is refused before reading; one near the edge is tried, and if the engine runs out,
// outOfMemory() says so in the same words.

export const ENGINE_MEMORY = 4 * 2 ** 30;
export const PEAK_PER_CSV_BYTE = 6.5; // below the least measured, so a refusal is never a guess
const KNOWN_TO_FIT = 384_000_000; // the largest ratings.csv seen to load (15 M ratings)
const BYTES_PER_RATING = 26; // a ratings.csv line: "162541,4993,4.5,1240953389\n" (MovieLens 25M: 27)
// Parsing in the engine runs at about 20 MB of CSV a second (the same measurements), for time left.
export const PARSE_BYTES_PER_MS = 20_000;

const GB = 1e9;
const MB = 1e6;
/** "678 MB", "1.4 GB": sizes as a visitor's file manager shows them (decimal units). */
export function sizeText(bytes) {
  // The unit follows the number as shown, after rounding: 999.7 MB reads "1.0 GB", not "1000 MB",
  // and 9.97 MB "10 MB", not "10.0 MB".
  if (Math.round(bytes / MB) >= 1000) return `${(bytes / GB).toFixed(1)} GB`;
  if (Number((bytes / MB).toFixed(1)) >= 10) return `${Math.round(bytes / MB)} MB`;
  return `${(bytes / MB).toFixed(1)} MB`;
}

// The same for counts: 999,600 ratings are "1 million", not "1000 thousand".
const millions = (n) => (Math.round(n / 1e3) >= 1000 ? `${Math.round(n / 1e6)} million` : `${Math.round(n / 1e3)} thousand`);

/** The memory a ratings.csv of this size needs at its peak in the engine, at the least measured rate. */
export const neededBytes = (ratingsBytes) => ratingsBytes * PEAK_PER_CSV_BYTE;

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
        `Ratings files of ${sizeText(KNOWN_TO_FIT)} (some 15 million ratings) have been seen to fit. Nothing was read.`,
    );
  }
  if (deviceMemoryGiB && need > deviceMemoryGiB * 2 ** 30) {
    throw new Error(
      `${about}. Loading it would take at least ${sizeText(need)}, and this device reports about ${deviceMemoryGiB} GB of memory in all. Nothing was read.`,
    );
  }
}

/** The engine ran out of memory while loading: the same sizes, after the fact. */
export function outOfMemory({ what, ratingsBytes }) {
  return (
    `The engine ran out of memory loading ${what} (${sizeText(ratingsBytes)} — about ${millions(ratingsBytes / BYTES_PER_RATING)} ratings): ` +
    `a browser tab's engine can use at most 4.3 GB (4 GiB), and this file needs more. A smaller MovieLens fits (15 million ratings have been seen to).`
  );
}
