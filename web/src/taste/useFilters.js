// The filters the visitor narrows every list with (their next films and films like X), the
// engine's form of them, and whether their panel is open.
import { useCallback, useMemo, useState } from 'preact/hooks';
import { NO_FILTERS, engineFilter } from './filters.js';

export function useFilters() {
  const [filters, setFilters] = useState(NO_FILTERS);
  const [open, setOpen] = useState(false);
  const key = JSON.stringify(filters);
  // The same object while the filters read the same, so the lists do not ask again for nothing.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const filter = useMemo(() => engineFilter(filters), [key]);

  // "Change the filters" from a list: the panel opens and its summary takes focus, after it renders.
  const openFilters = useCallback(() => {
    setOpen(true);
    setTimeout(() => {
      const summary = document.querySelector('#filters > summary');
      summary?.focus();
      summary?.scrollIntoView?.({ block: 'center' });
    }, 0);
  }, []);
  // One object while nothing in it changes, so a section given it can skip the page's other renders.
  return useMemo(() => ({ filters, setFilters, filter, open, setOpen, openFilters }), [filters, filter, open, openFilters]);
}
