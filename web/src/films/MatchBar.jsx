// How close a neighbour is, as a bar and in words rather than a bare cosine like 0.43.

// The engine's "films like X" similarity (a shrunk cosine, blended with who liked both) rarely
// passes 0.6; these bands were read off real lists so the words mean something.
const BANDS = [
  [0.45, 'very close'],
  [0.35, 'close'],
  [0.25, 'related'],
  [-Infinity, 'loosely related'],
];
const FULL = 0.6;

export function matchWords(score) {
  return BANDS.find(([min]) => score >= min)[1];
}

export function MatchBar({ score }) {
  const width = `${Math.round(100 * Math.min(1, Math.max(0, score) / FULL))}%`;
  return (
    <span class="match" title={`similarity ${score.toFixed(3)}`}>
      <span class="match-track" aria-hidden="true">
        <span class="match-fill" style={{ width }} />
      </span>
      <span class="match-words">{matchWords(score)}</span>
    </span>
  );
}
