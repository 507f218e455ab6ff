// The training card: one progress bar per model with epoch, falling loss and time left; a summary once ready.
import { formatCount, formatDuration, formatNumber } from './format.js';

function StageRow({ stage, total, progress, trainMs }) {
  const epoch = progress?.epoch ?? 0;
  const done = epoch >= total && total > 0;
  const timeText = done
    ? `done in ${formatDuration(trainMs ?? progress.elapsedMs)}`
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
        <span class="stage-figures">
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
      return `Training on ${formatCount(stats?.train)} ratings — you can search while it runs.`;
    case 'paused':
      return 'Training paused.';
    case 'ready':
      return `Ready — every model trained in ${formatDuration(Object.values(trainMs).reduce((a, b) => a + b, 0))} in this browser.`;
    default:
      return 'Training stopped.';
  }
}

/**
 * @param {{ phase: string, loadStage?: string, stats?: object, models?: object[], progress: object,
 *           trainMs?: object, onPause?: () => void, onResume?: () => void }} props
 */
export function TrainingProgress({ phase, loadStage, stats, models = [], progress, trainMs, onPause, onResume }) {
  const ready = phase === 'ready';
  return (
    <section class={`panel training${ready ? ' training-ready' : ''}`} aria-label="Training">
      <div class="training-head">
        <p class="training-status" role="status" data-state={phase}>
          {statusText({ phase, loadStage, stats, trainMs })}
        </p>
        {phase === 'training' && onPause ? (
          <button type="button" class="button-quiet" onClick={onPause}>
            Pause
          </button>
        ) : null}
        {phase === 'paused' && onResume ? (
          <button type="button" class="button" onClick={onResume}>
            Resume
          </button>
        ) : null}
      </div>
      {ready ? null : (
        <div class="stages">
          {models.map((m) => (
            <StageRow key={m.name} stage={m} total={m.epochs} progress={progress[m.name]} trainMs={trainMs?.[m.name]} />
          ))}
        </div>
      )}
      {stats ? (
        <p class="dataset-line">
          MovieLens: {formatCount(stats.ratings)} ratings of {formatCount(stats.films)} films by{' '}
          {formatCount(stats.users)} people; {formatCount(stats.train)} train the models (covering{' '}
          {formatCount(stats.ratedFilms)} films), {formatCount(stats.test)} are held out to measure them.
        </p>
      ) : null}
    </section>
  );
}
