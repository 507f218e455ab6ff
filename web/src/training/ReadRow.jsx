// The training card's first row for a MovieLens the visitor dropped, in place of the download: the
// bytes read (or unzipped) of those needed, with time left, then the parse, which the engine does in
// one call — the worker cannot report inside it, so its time left is an estimate from the file's
// size at the measured rate, counted down here.
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDuration, formatMB as mb } from '../ui/format.js';
import { StageBar } from './StageBar.jsx';

const NAMES = { read: 'Reading', unzip: 'Unzipping', parse: 'Parsing' };

/** Time left from the share done so far and how long it took. */
export function timeLeft(elapsedMs, loaded, total) {
  if (!(loaded > 0) || !(total > loaded)) return 0;
  return (elapsedMs * (total - loaded)) / loaded;
}

/**
 * @param {{ progress: object, loaded: boolean, now?: () => number }} props
 *   progress: the training store's events (read, unzip, parse); loaded: the data is in the engine
 */
export function ReadRow({ progress, loaded, now = () => performance.now() }) {
  const reading = progress.unzip ?? progress.read ?? null;
  const parsing = progress.parse ?? null;
  const started = useRef(null);
  const parseStarted = useRef(null);
  const [, tick] = useState(0);
  if (reading && started.current === null) started.current = now();
  if (!reading) started.current = null;
  if (parsing && parseStarted.current === null) parseStarted.current = now();
  if (!parsing) parseStarted.current = null;

  // The parse sends nothing until it ends: count its estimate down meanwhile.
  const counting = Boolean(parsing) && !loaded;
  useEffect(() => {
    if (!counting) return undefined;
    const timer = setInterval(() => tick((n) => n + 1), 250);
    return () => clearInterval(timer);
  }, [counting]);

  const stage = loaded ? null : parsing ? 'parse' : (reading?.stage ?? null);
  let share = loaded ? 1 : 0;
  let amount = '…';
  let figures = 'waiting for the files';
  let time = loaded ? 'done' : 'starting';
  if (reading) {
    amount = `${mb(Math.min(reading.loaded, reading.total))} of ${mb(reading.total)} MB`;
    figures = reading.stage === 'unzip' ? `${reading.file}: ${mb(reading.unzipped)} of ${mb(reading.unzipTotal)} MB out` : reading.file;
  }
  if (stage === 'read' || stage === 'unzip') {
    share = reading.total ? reading.loaded / reading.total : 0;
    time = `${formatDuration(timeLeft(now() - started.current, reading.loaded, reading.total))} left`;
  } else if (stage === 'parse') {
    const elapsed = now() - parseStarted.current;
    share = Math.min(0.95, elapsed / Math.max(1, parsing.estimateMs));
    amount = `${mb(parsing.bytes)} MB of ratings`;
    figures = 'the engine is reading every rating';
    time = elapsed < parsing.estimateMs ? `about ${formatDuration(parsing.estimateMs - elapsed)} left` : 'nearly done';
  }
  const name = loaded || !stage ? 'Read' : NAMES[stage];
  return (
    <StageBar
      name={name}
      amount={amount}
      bytes={reading?.loaded ?? 0}
      readStage={stage ?? (loaded ? 'done' : 'waiting')}
      bar={{ label: 'Reading the dataset', value: Math.round(share * 100) }}
      figures={figures}
      time={time}
      done={loaded}
      active
    />
  );
}
