// Take your ratings with you: Reel's own CSV (ratings and marks, display titles; Reel's import reads
// it back) and the same films in the columns Letterboxd's importer reads (the films rated or marked
// seen). Both are written by the engine and saved by the browser from memory — no request is made.
import { useState } from 'preact/hooks';
import { saveFile } from '../ui/saveFile.js';

/**
 * @param {{ client: object, list: {movieId: number, stars: number}[], marks: {movieId: number, mark: string}[], loaded: boolean }} props
 */
export function ExportRatings({ client, list, marks = [], loaded }) {
  const [error, setError] = useState(null);
  const seen = marks.filter((m) => m.mark === 'seen');

  async function download(make, name) {
    setError(null);
    try {
      saveFile(await make(), name);
    } catch (e) {
      setError(e.message);
    }
  }

  const ratings = () => list.map(({ movieId, stars }) => ({ movieId, stars }));
  // Films seen but not rated go with no rating: Letterboxd marks them watched. Worked out on the
  // press only: on every render it cost 5 ms a rating with 20,000 of them.
  const films = () => {
    const rated = new Set(list.map((r) => r.movieId));
    return [...ratings(), ...seen.filter((m) => !rated.has(m.movieId)).map((m) => ({ movieId: m.movieId, stars: 0 }))];
  };
  return (
    <>
      <button
        type="button"
        class="button-quiet"
        disabled={!loaded || (list.length === 0 && marks.length === 0)}
        onClick={() =>
          download(
            () => client.profileCsv({ ratings: ratings(), marks: marks.map(({ movieId, mark }) => ({ movieId, mark })) }),
            'reel-ratings.csv',
          )
        }
      >
        Download as CSV
      </button>
      <button
        type="button"
        class="button-quiet"
        disabled={!loaded || (list.length === 0 && seen.length === 0)}
        onClick={() => download(() => client.letterboxdCsv({ films: films() }), 'reel-letterboxd-watched.csv')}
      >
        Download for Letterboxd
      </button>
      {error ? (
        <p class="inline-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
