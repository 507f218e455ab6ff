// Links that open "films like X" in the page (and a real ?film= URL for a new tab or a shared link).
import { filmHref } from './urlState.js';

/** Props for an <a> that picks `movieId` as the new X on a plain click. */
export function filmLinkProps(movieId, onPick) {
  return {
    href: filmHref(movieId),
    onClick(e) {
      // Let modified clicks open a new tab; a plain click (or Enter) stays in the page.
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      onPick(movieId, { focus: true });
    },
  };
}
