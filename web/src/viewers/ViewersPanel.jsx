// "Explore MovieLens viewers": a secondary view of the 610 people whose ratings Reel learns from —
// pick one, see what they loved and what the engine would show them next. The 610 viewers are
// asked for only once the panel comes near the screen, or once keyboard focus enters it: a select
// of 610 names costs a long layout, which a visitor at the top of the page should not pay while the
// models train. The select is focusable while they come, so Tab never skips the panel.
import { useEffect, useRef, useState } from 'preact/hooks';
import { Recommendations } from './Recommendations.jsx';
import { UserPicker } from './UserPicker.jsx';
import { useAsync } from '../ui/useAsync.js';
import { useVisible } from '../ui/useVisible.js';
import { memo } from '../ui/memo.js';

function ViewersPanelView({ client, loaded, ready, model, onPick, maxResults }) {
  const [userId, setUserId] = useState(null);
  // Another dataset loading: its viewers are other people, so the one chosen goes with the old data.
  useEffect(() => {
    if (!loaded) setUserId(null);
  }, [loaded]);
  const section = useRef(null);
  const seen = useVisible(section);
  const [focused, setFocused] = useState(false);
  const near = seen || focused;
  const viewers = useAsync(() => (loaded && near ? client.viewers() : null), [client, loaded, near]);
  return (
    <section class="panel" id="viewers" aria-labelledby="viewers-title" ref={section} onFocusCapture={() => setFocused(true)}>
      <h2 id="viewers-title">Explore MovieLens viewers</h2>
      <p class="muted">
        The people whose ratings Reel learns from. Pick one to see what they loved and what Reel would show them next — never a film they
        already rated.
      </p>
      <UserPicker
        client={client}
        viewers={viewers.data ?? []}
        userId={userId}
        onChange={setUserId}
        loading={!viewers.data && !viewers.error}
        onPick={onPick}
      />
      <Recommendations client={client} userId={userId} ready={ready} model={model} onPick={onPick} maxResults={maxResults} />
    </section>
  );
}

/** Re-rendered only when its own props change, not whenever the page does. */
export const ViewersPanel = memo(ViewersPanelView);
