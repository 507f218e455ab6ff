// "Explore MovieLens viewers": a secondary view of the 610 people whose ratings Reel learns from —
// pick one, see what they loved and what the engine would show them next.
import { useState } from 'preact/hooks';
import { Recommendations } from './Recommendations.jsx';
import { UserPicker } from './UserPicker.jsx';
import { useAsync } from './useAsync.js';

export function ViewersPanel({ client, loaded, ready, model, onPick }) {
  const [userId, setUserId] = useState(null);
  const viewers = useAsync(() => (loaded ? client.viewers() : null), [client, loaded]);
  return (
    <section class="panel" id="viewers" aria-labelledby="viewers-title">
      <h2 id="viewers-title">Explore MovieLens viewers</h2>
      <p class="muted">
        The people whose ratings Reel learns from. Pick one to see what they loved and what Reel would show them next —
        never a film they already rated.
      </p>
      <UserPicker client={client} viewers={viewers.data ?? []} userId={userId} onChange={setUserId} loading={!loaded} onPick={onPick} />
      <Recommendations client={client} userId={userId} ready={ready} model={model} onPick={onPick} />
    </section>
  );
}
