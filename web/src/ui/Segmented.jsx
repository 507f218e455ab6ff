// A small choice among a few options, drawn as a segmented control but made of native radios, so
// it is one Tab stop and the arrow keys move the choice, as in any radio group.
import { useState } from 'preact/hooks';

let instances = 0;

/**
 * @param {{ label: string, options: {value: string, label: string}[], value: string,
 *           onChange: (value: string) => void }} props
 */
export function Segmented({ label, options, value, onChange, className = '' }) {
  const [uid] = useState(() => `segmented-${++instances}`);
  return (
    <div class={`segmented ${className}`} role="radiogroup" aria-label={label}>
      {options.map((o) => (
        <label key={o.value} class={`segment${o.value === value ? ' segment-on' : ''}`}>
          <input
            type="radio"
            class="segment-radio"
            name={uid}
            value={o.value}
            checked={o.value === value}
            onChange={() => onChange(o.value)}
          />
          <span>{o.label}</span>
        </label>
      ))}
    </div>
  );
}
