// The top of the page while the engine works: the training card with the dataset chooser, or, when
// loading or training failed or the engine stopped, what went wrong with a Retry (and, after a
// dropped MovieLens, the way back to the bundled one).
import { ErrorPanel } from '../ui/ErrorPanel.jsx';
import { BUNDLED_NAME, DatasetChooser } from './DatasetChooser.jsx';
import { TrainingProgress } from './TrainingProgress.jsx';
import { BUNDLED } from './useEngineRun.js';

/**
 * @param {{ run: ReturnType<typeof import('./useEngineRun.js').useEngineRun> }} props
 */
export function TrainingSection({ run }) {
  if (run.phase === 'error') {
    const { error } = run;
    // Retry reads a dropped file again, which may stop the engine the same way: the bundled data is offered too.
    const instead = run.dataset.kind === 'files' ? { text: `Back to ${BUNDLED_NAME}`, onClick: () => run.start(BUNDLED) } : null;
    return (
      <ErrorPanel
        title={error.title}
        message={error.message}
        detail={error.detail}
        onRetry={() => run.start(run.dataset)}
        instead={instead}
      />
    );
  }
  const { info } = run;
  const models = info?.models ?? [];
  const order = info?.order ?? models.map((m) => m.name);
  return (
    <TrainingProgress
      phase={run.phase}
      loadStage={run.loadStage}
      searchable={run.searchable}
      stats={info?.stats}
      models={order.map((name) => models.find((m) => m.name === name)).filter(Boolean)}
      store={run.training}
      trainMs={run.trainMs}
      restored={run.restored}
      kept={run.kept}
      lastYear={info?.years?.max}
      dataset={run.dataset}
      source={run.source}
      heapBytes={run.heapBytes}
      onPause={run.pause}
      onResume={() => run.train()}
      onRetrain={() => run.train({ fresh: true })}
      unfold={Boolean(run.refusal)}
    >
      <DatasetChooser dataset={run.dataset} onFiles={run.chooseFiles} onBundled={() => run.start(BUNDLED)} refusal={run.refusal} />
    </TrainingProgress>
  );
}
