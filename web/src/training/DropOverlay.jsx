// What a drop will do, shown over the page while files are dragged over it. Hidden from assistive
// technology: it only mirrors the "Use a bigger MovieLens…" file input, which is the way in for
// everyone who does not drag.

export function DropOverlay({ visible }) {
  if (!visible) return null;
  return (
    <div class="drop-overlay" aria-hidden="true" data-drop-overlay>
      <div class="drop-card">
        <p class="drop-title">Drop a MovieLens to use it here</p>
        <p>
          A zip such as <code>ml-25m.zip</code> or <code>ml-latest-small.zip</code>, or its <code>ratings.csv</code> and{' '}
          <code>movies.csv</code>. It is read in this tab: nothing is uploaded.
        </p>
      </div>
    </div>
  );
}
