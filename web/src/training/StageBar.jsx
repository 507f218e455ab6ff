// One row of the training card — a name and an amount, a progress bar, a line of figures and the
// time — shared by the download, the reading of a dropped MovieLens and each model's training, so
// every row has the same shape and height.

/**
 * @param {{ name: string, amount: any, bar: { label: string, value: number, max?: number, stage?: string },
 *           figures: any, figuresTitle?: string, time: string, done: boolean, active: boolean,
 *           bytes?: number, readStage?: string }} props
 *   bar.value of bar.max (default 100); bytes and readStage are exposed as data attributes for tests
 */
export function StageBar({ name, amount, bar, figures, figuresTitle, time, done, active, bytes, readStage }) {
  const max = bar.max ?? 100;
  return (
    <div class={`stage${done ? ' stage-done' : ''}${active && !done ? ' stage-active' : ''}`} data-read-stage={readStage}>
      <div class="stage-head">
        <span class="stage-name">{name}</span>
        <span class="stage-epoch" data-bytes={bytes}>
          {amount}
        </span>
      </div>
      <div
        class="bar"
        role="progressbar"
        aria-label={bar.label}
        aria-valuemin="0"
        aria-valuemax={String(max)}
        aria-valuenow={String(bar.value)}
        data-stage={bar.stage}
      >
        <span class="bar-fill" style={{ '--done': max ? bar.value / max : 0 }} />
      </div>
      <div class="stage-foot">
        <span class="stage-figures" title={figuresTitle}>
          {figures}
        </span>
        <span class="stage-time">{time}</span>
      </div>
    </div>
  );
}
