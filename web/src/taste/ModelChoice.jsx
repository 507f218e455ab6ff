// Which registered model picks "Your next films": the engine's choice by default (one model for a
// visitor's first few ratings, another from then on), the others, BPR among them, selectable to
// compare. Every name, description and threshold comes from the registry.
import { Segmented } from '../ui/Segmented.jsx';

export function ModelChoice({ models, value, choices, onChange }) {
  const labelOf = (name) => models.find((m) => m.name === name)?.label ?? String(name);
  const chosen = models.find((m) => m.name === value);
  const options = [{ value: '', label: 'Best for your ratings (recommended)' }, ...models.map((m) => ({ value: m.name, label: m.label }))];
  return (
    <details class="model-choice">
      <summary>Which model picks them</summary>
      <Segmented label="Model for your next films" value={value} onChange={onChange} options={options} />
      {value === '' && choices ? (
        <p class="muted small">
          The {labelOf(choices.firstVisitors).toLowerCase()}
          {choices.firstVisitorsMix > 0
            ? ` (with ${Math.round(choices.firstVisitorsMix * 100)} % of the ${labelOf(choices.visitors).toLowerCase()}’s scores)`
            : ''}{' '}
          until you have rated {choices.visitorsFrom} films, then the {labelOf(choices.visitors).toLowerCase()}: each measured best for new
          visitors with that many ratings. Its list is re-ranked so its genres follow the films you liked; a model chosen here gives its own
          ranking as it is. See How good is it? below.
        </p>
      ) : null}
      {chosen ? <p class="muted small">{chosen.description}</p> : null}
    </details>
  );
}
