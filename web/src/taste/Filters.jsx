// The filters a visitor narrows lists with: genres in and out, a span of decades, and a scale from
// hidden gems to crowd-pleasers. One set, applied by the engine to "Your next films" and to
// "films like X". On a wide screen the open body floats beside the list (styles.css), so the list it
// changes stays in view; Escape closes it. Its body is built only while open: closed, it is a line,
// and the page re-renders "Your taste" as the engine loads and trains.
import { ANY_FAME, FAME, NO_FILTERS, decadesOf, describeFilters, isFiltered, toggleGenre } from './filters.js';
import { ToggleGroup } from '../ui/ToggleGroup.jsx';
import { memo } from '../ui/memo.js';

/**
 * @param {{ filters: object, onChange: (f: object) => void, genreNames: string[], years: {min: number, max: number}|null,
 *           open: boolean, onToggleOpen: (open: boolean) => void }} props
 */
export const Filters = memo(function Filters({ filters, onChange, genreNames, years, open, onToggleOpen }) {
  // In the alphabet's order, where a visitor looks for one; the engine's is its catalogue's. By code
  // unit, not localeCompare: a locale method loads ICU's data on a first visit (format.test.jsx).
  const genres = [...genreNames].sort();
  const decades = decadesOf(years);
  const summary = describeFilters(filters);

  function setDecade(side, raw) {
    const d = raw === '' ? null : Number(raw);
    const next = { ...filters, [side]: d };
    // A span cannot run backwards: moving one end past the other moves both.
    if (d !== null && side === 'fromDecade' && next.toDecade !== null && next.toDecade < d) next.toDecade = d;
    if (d !== null && side === 'toDecade' && next.fromDecade !== null && next.fromDecade > d) next.fromDecade = d;
    onChange(next);
  }

  // Focus goes back to the summary that opened the panel, which stays.
  function close(details) {
    onToggleOpen(false);
    /** @type {HTMLElement | null | undefined} */ (details?.querySelector('summary'))?.focus();
  }

  return (
    <details
      class="filters"
      id="filters"
      open={open}
      onToggle={(e) => onToggleOpen(e.currentTarget.open)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) close(e.currentTarget);
      }}
    >
      <summary
        onClick={(e) => {
          // Opened by the page, not the browser, so the body is there as the panel first shows.
          e.preventDefault();
          onToggleOpen(!open);
        }}
      >
        <span class="filters-title">
          <span class="filters-mark" aria-hidden="true" />
          Filters
        </span>
        <span class="filters-summary">{summary || 'none — every film can be suggested'}</span>
      </summary>
      {open ? (
        <div class="filters-body">
          <p class="muted small">
            They narrow your next films and films like the one you pick, inside the engine, so each list still holds ten.
          </p>
          <GenreRow side="include" filters={filters} onChange={onChange} genres={genres} />
          <GenreRow side="exclude" filters={filters} onChange={onChange} genres={genres} />
          <div class="filter-row filter-inline">
            <DecadeSelect
              label="From"
              first="the earliest"
              value={filters.fromDecade}
              decades={decades}
              onPick={(d) => setDecade('fromDecade', d)}
            />
            <DecadeSelect
              label="to"
              first={years?.max ? `${years.max} (the latest)` : 'the latest'}
              value={filters.toDecade}
              decades={decades}
              onPick={(d) => setDecade('toDecade', d)}
            />
          </div>
          <FameScale filters={filters} onChange={onChange} />
          <FilterButtons filtered={isFiltered(filters)} onClear={() => onChange(NO_FILTERS)} onDone={close} />
        </div>
      ) : null}
    </details>
  );
});

/**
 * "Only these genres" (side include) or "Never these genres" (exclude): a toggle for each genre.
 * @param {{ side: 'include' | 'exclude', filters: object, onChange: (f: object) => void, genres: string[] }} props
 */
function GenreRow({ side, filters, onChange, genres }) {
  const label = side === 'include' ? 'Only these genres' : 'Never these genres';
  return (
    <div class="filter-row">
      <p class="filter-label" id={`filter-${side}-label`}>
        {label}
        {side === 'exclude' ? <span class="muted"> (a film with any of them is left out)</span> : null}
      </p>
      <ToggleGroup
        label={label}
        className={side === 'exclude' ? 'toggle-exclude' : undefined}
        items={genres}
        pressed={filters[side]}
        onToggle={(g) => onChange(toggleGenre(filters, g, side))}
      />
    </div>
  );
}

/**
 * One end of the span of decades: "From the earliest", "to 2018 (the latest)", or a decade.
 * @param {{ label: string, first: string, value: number | null, decades: number[], onPick: (raw: string) => void }} props
 */
function DecadeSelect({ label, first, value, decades, onPick }) {
  return (
    <label>
      {label}{' '}
      <select value={value ?? ''} onChange={(e) => onPick(e.currentTarget.value)}>
        <option value="">{first}</option>
        {decades.map((d) => (
          <option key={d} value={d}>
            the {d}s
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * From hidden gems to crowd-pleasers: how many people rated a film here.
 * @param {{ filters: object, onChange: (f: object) => void }} props
 */
function FameScale({ filters, onChange }) {
  const fame = FAME[filters.fame];
  return (
    <div class="filter-row">
      <label class="filter-label" for="fame-range">
        How well known
      </label>
      <div class="fame">
        <span class="fame-end" aria-hidden="true">
          Hidden gems
        </span>
        <input
          id="fame-range"
          type="range"
          min="0"
          max={String(FAME.length - 1)}
          step="1"
          value={String(filters.fame)}
          aria-valuetext={`${fame.label}: ${fame.detail}`}
          onInput={(e) => onChange({ ...filters, fame: Number(e.currentTarget.value) })}
        />
        <span class="fame-end" aria-hidden="true">
          Crowd-pleasers
        </span>
      </div>
      <p class="fame-now" aria-hidden="true">
        {filters.fame === ANY_FAME ? 'Any film, however many people rated it' : `${fame.label}: ${fame.detail}`}
      </p>
    </div>
  );
}

/**
 * Clear filters and Done, where the panel ends.
 * @param {{ filtered: boolean, onClear: () => void, onDone: (details: Element | null) => void }} props
 */
function FilterButtons({ filtered, onClear, onDone }) {
  return (
    <div class="button-row">
      {/* aria-disabled, not disabled: a disabled button drops the focus it holds to the page's start,
          and Escape, heard only inside the panel, would no longer close it. */}
      <button type="button" class="button-quiet" aria-disabled={filtered ? undefined : 'true'} onClick={() => filtered && onClear()}>
        Clear filters
      </button>
      {/* On a wide screen the open panel lies over the search and starters: a way to put it away where it ends. */}
      <button type="button" class="button-quiet" onClick={(e) => onDone(e.currentTarget.closest('details'))}>
        Done
      </button>
    </div>
  );
}
