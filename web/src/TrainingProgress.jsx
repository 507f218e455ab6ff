// The training card: one progress bar per model with epoch, falling training loss and time left.
// It alone re-renders on each epoch (it subscribes to the training store); once every model has
// trained it keeps its size, so nothing below it moves.
import { formatCount, formatDuration, formatNumber } from './format.js';
import { useStore } from './useStore.js';

function StageRow({ stage, progress, trainMs }) {
  const total = stage.epochs;
  const epoch = progress?.epoch ?? stage.epochsDone ?? 0;
  const done = epoch >= total && total > 0;
  const timeText = done
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
        <span class="bar-fill" style={{ width: total ? `${(100 * epoch) / total}%` : '0%' }} />
      </div>
      <div class="stage-foot">
        {/* One line either way, so the card keeps its height when the figures replace the description. */}
        <span class="stage-figures" title={stage.description}>
          {progress ? `${stage.lossLabel} ${formatNumber(progress.loss, 4)}` : stage.description}
        </span>
        <span class="stage-time">{timeText}</span>
      </div>
    </div>
  );
}

function statusText({ phase, loadStage, stats, trainMs }) {
  switch (phase) {
    case 'loading':
      return loadStage === 'parse' ? 'Reading the ratings…' : 'Downloading the engine and the MovieLens ratings…';
    case 'training':
      return `Training on ${formatCount(stats?.train)} ratings — you can search and rate while it runs.`;
    case 'paused':
      return 'Training paused.';
    case 'ready':
      return `Ready — every model trained in ${formatDuration(Object.values(trainMs ?? {}).reduce((a, b) => a + b, 0))} in this browser.`;
    default:
      return 'Training stopped.';
  }
}

/**
 * @param {{ phase: string, loadStage?: string, stats?: object, models?: object[], store: object,
 *           trainMs?: object, lastYear?: number, onPause?: () => void, onResume?: () => void }} props
 */
export function TrainingProgress({ phase, loadStage, stats, models = [], store, trainMs, lastYear, onPause, onResume }) {
  const { progress } = useStore(store);
  const ready = phase === 'ready';
  const canToggle = phase === 'training' || phase === 'paused';
  return (
    <section class={`panel training${ready ? ' training-ready' : ''}`} aria-label="Training">
      <div class="training-head">
        <p class="training-status" role="status" data-state={phase}>
          {statusText({ phase, loadStage, stats, trainMs })}
        </p>
        {/* One button that changes its word, so focus stays on it across Pause and Resume; its
            place is kept when training is over. */}
        <button
          type="button"
          class={phase === 'paused' ? 'button' : 'button-quiet'}
          style={canToggle ? undefined : { visibility: 'hidden' }}
          aria-hidden={canToggle ? undefined : 'true'}
          tabIndex={canToggle ? 0 : -1}
          onClick={phase === 'paused' ? onResume : onPause}
        >
          {phase === 'paused' ? 'Resume' : 'Pause'}
        </button>
      </div>
      <div class="stages">
        {models.map((m) => (
          <StageRow key={m.name} stage={m} progress={progress[m.name]} trainMs={trainMs?.[m.name]} />
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
