// The training card: the download (bytes of the engine and the data, of their total), then one
// progress bar per model with epoch, falling training loss and time left — or, on a return visit,
// the models restored from this browser with a "Retrain here" for the curious. It alone re-renders
// on each progress event (it subscribes to the progress store); its size is the same in every
// phase, so nothing below it moves.
import { formatCount, formatDuration, formatNumber } from './format.js';
import { useStore } from './useStore.js';

const MB = 1024 * 1024;
const mb = (bytes) => (bytes / MB).toFixed(1);

function StageRow({ stage, progress, trainMs, restored }) {
  const total = stage.epochs;
  const epoch = restored ? total : (progress?.epoch ?? stage.epochsDone ?? 0);
  const done = epoch >= total && total > 0;
  const timeText = restored
    ? 'restored'
    : done
      ? `done in ${formatDuration(trainMs ?? progress?.elapsedMs ?? NaN)}`
      : progress
        ? `${formatDuration(progress.etaMs)} left`
        : 'waiting';
  return (
    <div class={`stage${done ? ' stage-done' : ''}${progress && !done ? ' stage-active' : ''}`}>
      <div class="stage-head">
        <span class="stage-name">{stage.label}</span>
        <span class="stage-epoch">
          epoch {epoch} of {total || '…'}
        </span>
      </div>
      <div
        class="bar"
        role="progressbar"
        aria-label={`${stage.label} training`}
        aria-valuemin="0"
        aria-valuemax={String(total)}
        aria-valuenow={String(epoch)}
        data-stage={stage.name}
      >
        <span class="bar-fill" style={{ '--done': total ? epoch / total : 0 }} />
      </div>
      <div class="stage-foot">
        {/* One line either way, so the card keeps its height when the figures replace the description. */}
        <span class="stage-figures" title={stage.description}>
          {restored
            ? `trained earlier in ${formatDuration(trainMs)}`
            : progress
              ? `${stage.lossLabel} ${formatNumber(progress.loss, 4)}`
              : stage.description}
        </span>
        <span class="stage-time">{timeText}</span>
      </div>
    </div>
  );
}

/** The engine and the data, in bytes of their total, as they arrive. */
function DownloadRow({ download, searchable, loaded }) {
  const files = Object.values(download?.files ?? {});
  const got = files.reduce((a, f) => a + f.loaded, 0);
  const known = files.every((f) => f.total !== null) && files.length > 0;
  const total = known ? files.reduce((a, f) => a + f.total, 0) : null;
  const done = loaded || (known && got >= total && files.length >= 3);
  const share = done ? 1 : total ? got / total : 0;
  return (
    <div class={`stage${done ? ' stage-done' : ' stage-active'}`}>
      <div class="stage-head">
        <span class="stage-name">Download</span>
        <span class="stage-epoch" data-bytes={got}>
          {total ? `${mb(Math.min(got, total))} of ${mb(total)} MB` : got ? `${mb(got)} MB` : '…'}
        </span>
      </div>
      <div class="bar" role="progressbar" aria-label="Download" aria-valuemin="0" aria-valuemax="100" aria-valuenow={String(Math.round(share * 100))}>
        <span class="bar-fill" style={{ '--done': share }} />
      </div>
      <div class="stage-foot">
        <span class="stage-figures">{searchable ? 'films in: search works' : 'films first, for search'}</span>
        <span class="stage-time">{done ? 'done' : 'arriving'}</span>
      </div>
    </div>
  );
}

const WHEN = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const savedWhen = (ms) => WHEN.format(new Date(ms));

function statusText({ phase, loadStage, stats, trainMs, restored, kept, searchable }) {
  const total = formatDuration(Object.values(trainMs ?? {}).reduce((a, b) => a + b, 0));
  switch (phase) {
    case 'loading':
      if (loadStage === 'parse') return 'Reading the ratings…';
      return searchable ? 'Search works already — the ratings are on their way…' : 'Downloading the engine and the MovieLens films…';
    case 'restoring':
      return 'Restoring the models kept in this browser…';
    case 'training':
      return `Training on ${formatCount(stats?.train)} ratings — you can search and rate while it runs.`;
    case 'paused':
      return 'Training paused.';
    case 'ready':
      if (restored) return `Ready — restored the models this browser trained on ${savedWhen(restored.savedAt)}.`;
      return `Ready — trained in ${total} in this browser${kept?.kept ? ', and kept here for your next visit' : ''}.`;
    default:
      return 'Training stopped.';
  }
}

/**
 * @param {{ phase: string, loadStage?: string, searchable?: boolean, stats?: object, models?: object[], store: object,
 *           trainMs?: object, restored?: object|null, kept?: object|null, lastYear?: number,
 *           onPause?: () => void, onResume?: () => void, onRetrain?: () => void }} props
 */
export function TrainingProgress({ phase, loadStage, searchable = false, stats, models = [], store, trainMs, restored = null, kept = null, lastYear, onPause, onResume, onRetrain }) {
  const { progress } = useStore(store);
  const ready = phase === 'ready';
  const canToggle = phase === 'training' || phase === 'paused';
  // One button in one place: Pause and Resume while training (it keeps focus across them), then
  // "Retrain here" once ready — models restored or trained, anyone may see them trained afresh.
  const button = canToggle
    ? { text: phase === 'paused' ? 'Resume' : 'Pause', onClick: phase === 'paused' ? onResume : onPause, strong: phase === 'paused' }
    : ready && onRetrain
      ? { text: 'Retrain here', onClick: onRetrain, strong: false }
      : null;
  return (
    <section class={`panel training${ready ? ' training-ready' : ''}`} aria-label="Training" data-restored={restored ? 'true' : 'false'}>
      <div class="training-head">
        <p class="training-status" role="status" data-state={phase}>
          {statusText({ phase, loadStage, stats, trainMs, restored, kept, searchable })}
        </p>
        <button
          type="button"
          class={button?.strong ? 'button' : 'button-quiet'}
          style={button ? undefined : { visibility: 'hidden' }}
          aria-hidden={button ? undefined : 'true'}
          tabIndex={button ? 0 : -1}
          title={button?.text === 'Retrain here' ? 'Train every model again from scratch in this browser, and keep the result' : undefined}
          onClick={button?.onClick}
        >
          {button?.text ?? 'Pause'}
        </button>
      </div>
      <div class="stages">
        <DownloadRow download={progress.download} searchable={searchable} loaded={phase !== 'loading' || loadStage === 'parse'} />
        {models.map((m) => (
          <StageRow key={m.name} stage={m} progress={progress[m.name]} trainMs={trainMs?.[m.name]} restored={Boolean(restored) && ready} />
        ))}
      </div>
      <p class="dataset-line">
        {stats ? (
          <>
            MovieLens latest-small: {formatCount(stats.ratings)} ratings of {formatCount(stats.films)} films (released up to{' '}
            {lastYear ?? 2018}) by {formatCount(stats.users)} people; {formatCount(stats.train)} train the models, {formatCount(stats.test)} are
            held out to measure them.
          </>
        ) : (
          ' '
        )}
      </p>
    </section>
  );
}
