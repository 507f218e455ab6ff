// The "Show more" button under a list of films, named for the list it lengthens.
/** @param {{ more: (() => void) | null, label: string }} props  label: "Show more films like Heat (1995)" */
export function ShowMore({ more, label }) {
  if (!more) return null;
  return (
    <button type="button" class="button-quiet show-more" aria-label={label} onClick={more}>
      Show more
    </button>
  );
}
