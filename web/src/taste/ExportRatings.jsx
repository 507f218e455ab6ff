// Take your ratings with you: a CSV (movieId,title,rating) made by the engine and saved by the
// browser from memory — no request is made.
import { useState } from 'preact/hooks';

export function ExportRatings({ client, list, loaded }) {
  const [error, setError] = useState(null);

  async function download() {
    setError(null);
    try {
      const text = await client.profileCsv({ ratings: list.map(({ movieId, stars }) => ({ movieId, stars })) });
      const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'reel-ratings.csv';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e.message);
    }
  }

  return (
    <>
      <button type="button" class="button-quiet" disabled={!loaded || list.length === 0} onClick={download}>
        Download as CSV
      </button>
      {error ? (
        <p class="inline-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
