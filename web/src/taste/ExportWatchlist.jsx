// The watchlist's own export: its films in the columns Letterboxd's importer reads, with no rating,
// for Letterboxd's watchlist import; written by the engine, saved from memory.
import { useState } from 'preact/hooks';
import { saveFile } from '../ui/saveFile.js';

/** @param {{ client: object, marks: {movieId: number, mark: string}[], loaded: boolean }} props */
export function ExportWatchlist({ client, marks, loaded }) {
  const [error, setError] = useState(null);
  const films = marks.filter((m) => m.mark === 'watchlist').map((m) => ({ movieId: m.movieId, stars: 0 }));

  async function download() {
    setError(null);
    try {
      saveFile(await client.letterboxdCsv({ films }), 'reel-watchlist.csv');
    } catch (e) {
      setError(e.message);
    }
  }

  return (
    <div class="tools">
      <button type="button" class="button-quiet" disabled={!loaded || films.length === 0} onClick={download}>
        Download watchlist as CSV
      </button>
      {error ? (
        <p class="inline-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
