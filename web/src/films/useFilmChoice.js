// Film X of "films like X": the one the address bar names (?film=), changed by picking a film
// anywhere on the page, and by Back and Forward between films picked earlier.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { pushFilmId, readFilmId } from './urlState.js';

/** @returns {{ filmId: number|null, focusKey: number, pickFilm: (movieId: number, how?: { focus?: boolean, stay?: boolean }) => void }} */
export function useFilmChoice() {
  const [filmId, setFilmId] = useState(() => readFilmId());
  const [focusKey, setFocusKey] = useState(0);

  useEffect(() => {
    const onPop = () => setFilmId(readFilmId());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  // focus: the heading takes focus, which brings it into view. stay: picked on the map, which stays
  // in view (the map flies to it and the list follows).
  const pickFilm = useCallback((movieId, { focus = false, stay = false } = {}) => {
    setFilmId(movieId);
    pushFilmId(movieId);
    if (focus) setFocusKey((k) => k + 1);
    else if (!stay) {
      const section = document.getElementById('films');
      if (section && section.getBoundingClientRect().top < 0) section.scrollIntoView?.({ block: 'start' });
    }
  }, []);
  // One object while nothing in it changes, so a section given it can skip the page's other renders.
  return useMemo(() => ({ filmId, focusKey, pickFilm }), [filmId, focusKey, pickFilm]);
}
