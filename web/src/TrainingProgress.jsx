// The training card: one progress bar per model with epoch, falling loss and time left; a summary once ready.
import { formatCount, formatDuration, formatNumber } from './format.js';

const STAGES = [
  { model: 'rating', name: 'Rating model', what: 'learns how many stars each viewer gives each film' },
  { model: 'ranking', name: 'Ranking model', what: 'learns which films each viewer picks over others' },
];

function figures(model, p) {
  if (!p) return null;
  if (model === 'rating') {
    return `training RMSE ${formatNumber(p.loss, 3)} · held-out RMSE ${formatNumber(p.heldOut, 3)}`;
  }
  return `BPR loss ${formatNumber(p.loss, 4)}`;
}

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
        <span class="stage-name">{stage.name}</span>
        <span class="stage-epoch">
          epoch {epoch} of {total || '…'}
        </span>
      </div>
      <div
        class="bar"
        role="progressbar"
        aria-label={`${stage.name} training`}
        aria-valuemin="0"
        aria-valuemax={String(total)}
        aria-valuenow={String(epoch)}
        data-stage={stage.model}
      >
        <span class="bar-fill" style={{ width: total ? `${(100 * epoch) / total}%` : '0%' }} />
      </div>
      <div class="stage-foot">
        <span class="stage-figures">{figures(stage.model, progress) ?? stage.what}</span>
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
      return `Ready — both models trained in ${formatDuration(trainMs.rating + trainMs.ranking)} in this browser.`;
    default:
      return 'Training stopped.';
  }
}

/**
 * @param {{ phase: string, loadStage?: string, stats?: object, epochs?: object, progress: object,
 *           trainMs?: object, onPause?: () => void, onResume?: () => void }} props
 */
export function TrainingProgress({ phase, loadStage, stats, epochs, progress, trainMs, onPause, onResume }) {
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
          {STAGES.map((s) => (
            <StageRow
              key={s.model}
              stage={s}
              total={epochs?.[s.model] ?? 0}
              progress={progress[s.model]}
              trainMs={trainMs?.[s.model]}
            />
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
