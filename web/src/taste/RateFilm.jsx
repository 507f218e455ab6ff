// A film's rating control wired to the visitor's ratings: what any list puts beside a film.
import { useContext } from 'preact/hooks';
import { announce } from '../ui/announcer.js';
import { filmLabel } from '../films/FilmMeta.jsx';
import { starsText } from '../ui/format.js';
import { RatingStars } from '../ui/RatingStars.jsx';
import { RatingsContext } from './ratingsContext.js';
import { useStore } from '../ui/useStore.js';

export function RateFilm({ film, compact = false }) {
  const store = useContext(RatingsContext);
  // Only this control re-renders when this film's rating changes.
  const value = useStore(store, (s) => s.ratings.get(film.movieId)?.stars ?? null);
  return (
    <RatingStars
      film={film}
      value={value}
      compact={compact}
      onRate={(stars) => {
        store.rate(film.movieId, stars);
        announce(`You rated ${filmLabel(film)} ${starsText(stars)}.`);
      }}
      onRemove={() => {
        store.remove(film.movieId);
        announce(`Removed your rating of ${filmLabel(film)}.`);
      }}
    />
  );
}
