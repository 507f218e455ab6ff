// A rating shown, not set: star characters for the eye, "4.5 stars" for a screen reader.
import { stars, starsText } from './format.js';

export function Stars({ value }) {
  return (
    <span class="stars" role="img" aria-label={starsText(value)}>
      {stars(value)}
    </span>
  );
}
