// A group of toggle buttons (aria-pressed) that is one stop for Tab and moves with the arrow keys,
// Home and End — as a toolbar does — so twenty genre chips do not cost twenty Tab presses.
import { useState } from 'preact/hooks';

const NEXT = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * @param {{ label: string, items: string[], pressed: string[], onToggle: (item: string) => void,
 *           describe?: (item: string, on: boolean) => string }} props
 */
export function ToggleGroup({ label, items, pressed, onToggle, className = '' }) {
  const [current, setCurrent] = useState(0);
  const focusAt = (group, i) => {
    const buttons = group.querySelectorAll('button');
    const j = (i + buttons.length) % buttons.length;
    setCurrent(j);
    buttons[j]?.focus();
  };

  function onKeyDown(e) {
    const n = items.length;
    if (n === 0) return;
    if (e.key in NEXT) focusAt(e.currentTarget, current + NEXT[e.key]);
    else if (e.key === 'Home') focusAt(e.currentTarget, 0);
    else if (e.key === 'End') focusAt(e.currentTarget, n - 1);
    else return;
    e.preventDefault();
  }

  return (
    <div class={`toggle-group ${className}`} role="group" aria-label={label} onKeyDown={onKeyDown}>
      {items.map((item, i) => {
        const on = pressed.includes(item);
        return (
          <button
            key={item}
            type="button"
            class="chip-toggle"
            aria-pressed={on ? 'true' : 'false'}
            tabIndex={i === Math.min(current, items.length - 1) ? 0 : -1}
            onFocus={() => setCurrent(i)}
            onClick={() => onToggle(item)}
          >
            {item}
          </button>
        );
      })}
    </div>
  );
}
