// A film's marks wired to the visitor's store: what any list puts beside a film, next to its rating.
import { useContext } from 'preact/hooks';
import { announce } from '../ui/announcer.js';
import { filmLabel } from '../films/FilmMeta.jsx';
import { MarkButtons } from '../ui/MarkButtons.jsx';
import { RatingsContext } from './ratingsContext.js';
import { useStore } from '../ui/useStore.js';

const SAID = {
  seen: (label) => `Marked ${label} as seen: it stays out of your next films.`,
  'not interested': (label) => `Marked ${label} as not interested: it stays out of your next films.`,
  watchlist: (label) => `Added ${label} to your watchlist: it stays out of your next films.`,
};

export function MarkFilm({ film }) {
  const store = useContext(RatingsContext);
  // Only this control re-renders when this film's mark changes.
  const value = useStore(store, (s) => s.marks.get(film.movieId)?.mark ?? null);
  return (
    <MarkButtons
      film={film}
      value={value}
      onMark={(mark) => {
        store.mark(film.movieId, mark);
        const label = filmLabel(film);
        announce(mark ? SAID[mark](label) : `Unmarked ${label}.`);
      }}
    />
  );
}
