// The folded card's hairline along its foot: how far the stage its sentence names has come — the
// download, then the training — so a phone, whose card is folded from the start, shows progress
// without opening the details. Drawn over the card's padding, it never changes the card's height;
// it is a picture of what the details' labelled bars say, so screen readers are not given it twice.
import { useStore } from '../ui/useStore.js';
import { downloadShare, trainingShare } from './progressShares.js';

/**
 * @param {{ store: object, models: object[], phase: string, loadStage?: string, bundled: boolean }} props
 *   bundled: the site's own MovieLens, downloaded (a dropped one is read from disk, with no download to show)
 */
export function FoldedProgress({ store, models, phase, loadStage, bundled }) {
  const { progress, models: epochs } = useStore(store);
  // The bundled data's bytes, full while they are parsed (as the download row says); a dropped file
  // is read from disk, with no download to show.
  const share =
    phase === 'loading'
      ? bundled
        ? downloadShare(progress.download, loadStage === 'parse').share
        : null
      : phase === 'training' || phase === 'paused'
        ? trainingShare(models, epochs)
        : null;
  if (share === null) return null;
  return (
    <span class="folded-progress" aria-hidden="true" data-stage={phase === 'loading' ? 'download' : 'train'}>
      <span class="bar-fill" style={{ '--done': share }} />
    </span>
  );
}
