// The training card: the download (bytes of the engine and the data, of their total) — or, for a
// MovieLens the visitor dropped, the bytes read, unzipped and parsed — then one progress bar per
// model with epoch, falling training loss and time left — or, on a return visit, the models restored
// from this browser with a "Retrain here" for the curious. Below, which dataset it is and the way to
// another (children: the dataset chooser). Only its rows re-render on each progress event (they
// subscribe to the progress store, each row only when its own figures change); its size is the
// same in every phase until ready, so nothing below it moves while the models train. Once ready
// it folds to one line, the rest a click away: a visitor came for the films, not the telemetry. It
// folds the first time it is out of sight, never under the visitor's eyes (folding at once moved
// the whole page up: on a phone a layout shift of 0.61, Lighthouse's mobile score 60); on a phone
// it is one line from the start, so "Your taste" opens the first screen and nothing moves at ready.
import { BUNDLED_NAME } from './DatasetChooser.jsx';
import { formatCount, formatDuration, formatMB as mb, formatNumber, formatWhen } from '../ui/format.js';
import { FoldedProgress } from './FoldedProgress.jsx';
import { downloadShare, epochOf } from './progressShares.js';
import { ReadRow } from './ReadRow.jsx';
import { StageBar } from './StageBar.jsx';
import { useRef, useState } from 'preact/hooks';
import { useOutOfSight } from '../ui/useOutOfSight.js';
import { memo } from '../ui/memo.js';
import { useStore } from '../ui/useStore.js';

const PHONE = '(max-width: 480px)'; // as styles.css lays out a phone

const StageRow = memo(function StageRow({ stage, progress, trainMs, restored }) {
  const total = stage.epochs;
  const epoch = restored ? total : epochOf(stage, progress);
  const done = epoch >= total && total > 0;
  const timeText = restored
    ? 'restored'
    : done
      ? `done in ${formatDuration(trainMs ?? progress?.elapsedMs ?? NaN)}`
      : progress
        ? `${formatDuration(progress.etaMs)} left`
        : 'waiting';
  // The figures are one line either way, so the card keeps its height when they replace the description.
  return (
    <StageBar
      name={stage.label}
      amount={`epoch ${epoch} of ${total || '…'}`}
      bar={{ label: `${stage.label} training`, value: epoch, max: total, stage: stage.name }}
      figures={
        restored
          ? `trained earlier in ${formatDuration(trainMs)}`
          : progress
            ? `${stage.lossLabel} ${formatNumber(progress.loss, 4)}`
            : stage.description
      }
      figuresTitle={stage.description}
      time={timeText}
      done={done}
      active={Boolean(progress)}
    />
  );
});

/** The engine and the data, in bytes of their total, as they arrive. */
const DownloadRow = memo(function DownloadRow({ download, searchable, loaded }) {
  const { got, total, done, share } = downloadShare(download, loaded);
  return (
    <StageBar
      name="Download"
      amount={total ? `${mb(Math.min(got, total))} of ${mb(total)} MB` : got ? `${mb(got)} MB` : '…'}
      bytes={got}
      bar={{ label: 'Download', value: Math.round(share * 100) }}
      figures={searchable ? 'films in: search works' : 'films first, for search'}
      time={done ? 'done' : 'arriving'}
      done={done}
      active
    />
  );
});

/** The rest of a status sentence: a phone's folded card shows the sentence without it, on one line. */
const Tail = ({ children }) => <span class="status-tail">{children}</span>;

function statusText({ phase, loadStage, stats, trainMs, restored, kept, searchable, dataset }) {
  const total = formatDuration(Object.values(trainMs ?? {}).reduce((a, b) => a + b, 0));
  switch (phase) {
    case 'loading':
      if (dataset?.kind === 'files') {
        if (loadStage === 'parse')
          return (
            <>
              Loading the ratings<Tail> of {dataset.name} into the engine</Tail>…
            </>
          );
        return (
          <>
            {loadStage === 'unzip' ? 'Unzipping' : 'Reading'} {dataset.name}
            <Tail> in this tab — nothing is uploaded</Tail>…
          </>
        );
      }
      if (loadStage === 'parse') return 'Reading the ratings…';
      return searchable ? (
        <>
          Search works already<Tail> — the ratings are on their way</Tail>…
        </>
      ) : (
        <>
          Downloading the engine<Tail> and the MovieLens films</Tail>…
        </>
      );
    case 'restoring':
      return (
        <>
          Restoring the models<Tail> kept in this browser</Tail>…
        </>
      );
    case 'training':
      return (
        <>
          Training on {formatCount(stats?.train)} ratings<Tail> — you can search and rate while it runs</Tail>.
        </>
      );
    case 'paused':
      return 'Training paused.';
    case 'ready':
      if (restored)
        return (
          <>
            Ready — restored<Tail> the models this browser trained on {formatWhen(restored.savedAt)}</Tail>.
          </>
        );
      return (
        <>
          Ready — trained in {total}
          <Tail> in this browser{kept?.kept ? ', and kept here for your next visit' : ''}</Tail>.
        </>
      );
    default:
      return 'Training stopped.';
  }
}

const seconds = (ms) => formatDuration(ms);
const mbText = (bytes) => `${formatCount(Math.round(bytes / 1e6))} MB`;

/** Which MovieLens, its size, and how the models are measured; for a dropped one, how long it took to read. */
function DatasetText({ stats, lastYear, dataset, source, heapBytes }) {
  if (!stats) return ' ';
  const name = dataset?.kind === 'files' ? `Your MovieLens, ${source?.name ?? dataset.name}` : BUNDLED_NAME;
  const fallbackYear = dataset?.kind === 'files' ? '…' : 2018;
  return (
    <>
      {name}: {formatCount(stats.ratings)} ratings of {formatCount(stats.films)} films (released up to {lastYear ?? fallbackYear}) by{' '}
      {formatCount(stats.users)} people; {formatCount(stats.train)} train the models, {formatCount(stats.test)} are held out to measure
      them.
      {/* A file of one row repeated 77.8 million times loaded as "1 ratings" without a word: say what was set aside. */}
      {stats.duplicates > 0
        ? ` ${formatCount(stats.duplicates)} repeated ${stats.duplicates === 1 ? 'row' : 'rows'} (a person rating the same film again) ${stats.duplicates === 1 ? 'was' : 'were'} set aside, the latest rating of each kept.`
        : ''}
      {source ? (
        <>
          {' '}
          Read in {seconds(source.readMs)}, loaded in {seconds(source.parseMs)}
          {heapBytes ? `; the engine holds ${mbText(heapBytes)} of this tab’s memory` : ''}.
          {source.linksProblem
            ? ` Its links.csv was left out, so films have no links out and IMDb rows cannot match: ${source.linksProblem}`
            : ''}
        </>
      ) : null}
    </>
  );
}

/**
 * @param {{ phase: string, loadStage?: string, searchable?: boolean, stats?: object, models?: object[], store: object,
 *           trainMs?: object, restored?: object|null, kept?: object|null, lastYear?: number,
 *           dataset?: { kind: string, name?: string }, source?: object|null, heapBytes?: number|null, children?: any,
 *           onPause?: () => void, onResume?: () => void, onRetrain?: () => void, unfold?: boolean }} props
 *   dataset: the MovieLens in use or on its way; source: how a dropped one was read (the worker's account)
 */
export function TrainingProgress({
  phase,
  loadStage,
  searchable = false,
  stats,
  models = [],
  store,
  trainMs,
  restored = null,
  kept = null,
  lastYear,
  dataset = { kind: 'bundled' },
  source = null,
  heapBytes = null,
  children,
  onPause,
  onResume,
  onRetrain,
  unfold = false,
}) {
  const card = useRef(null);
  const headButton = useRef(/** @type {HTMLButtonElement | null} */ (null));
  const ready = phase === 'ready';
  const outOfSight = useOutOfSight(card, ready);
  const [phone] = useState(() => typeof matchMedia === 'function' && matchMedia(PHONE).matches);
  const [open, setOpen] = useState(/** @type {boolean | null} */ (null)); // the details, once the visitor says
  // unfold: something in the details needs reading (a refusal)
  const folded = !unfold && (open === null ? phone || (ready && outOfSight) : !open);
  const canToggle = phase === 'training' || phase === 'paused';
  // One button in one place: Pause and Resume while training, then the details' disclosure once
  // ready, where "Retrain here" waits for the curious. It is one element throughout, so it keeps
  // focus across them all, and "Retrain here", which goes as training starts, hands focus to it.
  const button = canToggle
    ? { text: phase === 'paused' ? 'Resume' : 'Pause', onClick: phase === 'paused' ? onResume : onPause, strong: phase === 'paused' }
    : null;
  // Retraining a dropped MovieLens reads its file first, when there is nothing to pause: the button
  // that holds focus stays in sight, unavailable, rather than hide and let focus fall.
  const holdsFocus = !button && !ready && headButton.current !== null && headButton.current === document.activeElement;
  return (
    <section
      ref={card}
      class={`panel training${ready ? ' training-ready' : ''}${folded ? ' training-folded' : ''}`}
      aria-label="Training"
      data-restored={restored ? 'true' : 'false'}
      data-dataset={dataset.kind}
      data-heap-bytes={heapBytes ?? undefined}
    >
      <div class="training-head">
        <p class="training-status" role="status" data-state={phase}>
          {statusText({ phase, loadStage, stats, trainMs, restored, kept, searchable, dataset })}
        </p>
        {ready ? (
          <button
            ref={headButton}
            type="button"
            class="button-quiet training-toggle"
            aria-expanded={folded ? 'false' : 'true'}
            aria-controls="training-details"
            aria-label="Training details"
            onClick={() => setOpen(folded)}
          >
            Details
          </button>
        ) : (
          <button
            ref={headButton}
            type="button"
            class={button?.strong ? 'button' : 'button-quiet'}
            style={button || holdsFocus ? undefined : { visibility: 'hidden' }}
            aria-hidden={button || holdsFocus ? undefined : 'true'}
            aria-disabled={holdsFocus ? 'true' : undefined}
            tabIndex={button || holdsFocus ? 0 : -1}
            onClick={button?.onClick}
          >
            {button?.text ?? 'Pause'}
          </button>
        )}
      </div>
      {folded && !ready ? (
        <FoldedProgress store={store} models={models} phase={phase} loadStage={loadStage} bundled={dataset.kind !== 'files'} />
      ) : null}
      <div class="training-details" id="training-details" hidden={folded}>
        <TrainingDetails {...{ dataset, store, phase, loadStage, searchable, models, trainMs, restored, ready }} />
        {onRetrain ? (
          // Its row is there from the start, unseen until ready: appearing at ready, it pushed the
          // page below down 47 px (a layout shift of 0.026, over the budget's 0.02).
          <p class="retrain" style={ready ? undefined : { visibility: 'hidden' }} aria-hidden={ready ? undefined : 'true'}>
            <button
              type="button"
              class="button-quiet"
              tabIndex={ready ? 0 : -1}
              title="Train every model again from scratch in this browser, and keep the result"
              onClick={() => {
                headButton.current?.focus();
                onRetrain();
              }}
            >
              Retrain here
            </button>
          </p>
        ) : null}
        <p class="dataset-line">
          <DatasetText stats={stats} lastYear={lastYear} dataset={dataset} source={source} heapBytes={heapBytes} />
        </p>
        {children}
      </div>
    </section>
  );
}

/**
 * The download (or read) and each model's bar: the telemetry the folded card keeps a click away. It
 * alone follows the progress store, so an epoch re-renders these rows, not the card around them.
 */
function TrainingDetails({ dataset, store, phase, loadStage, searchable, models, trainMs, restored, ready }) {
  const { progress, models: epochs } = useStore(store);
  return (
    <div class="stages">
      {dataset.kind === 'files' ? (
        <ReadRow progress={progress} loaded={phase !== 'loading'} />
      ) : (
        <DownloadRow download={progress.download} searchable={searchable} loaded={phase !== 'loading' || loadStage === 'parse'} />
      )}
      {models.map((m) => (
        <StageRow key={m.name} stage={m} progress={epochs[m.name]} trainMs={trainMs?.[m.name]} restored={Boolean(restored) && ready} />
      ))}
    </div>
  );
}
