// Search-as-you-type film picker following the ARIA combobox pattern (arrows, Enter, Escape).
import { useRef, useState } from 'preact/hooks';
import { FilmGenres, FilmTitle, RatingCount, filmLabel } from './FilmMeta.jsx';

let instances = 0;

/** The combobox's list of matches; `empty`: what it says when nothing matches. */
function Matches({ listId, optionId, results, active, expanded, onPick, onHover, empty }) {
  return (
    <ul id={listId} class="combobox-list" role="listbox" aria-label="Matching films" hidden={!expanded}>
      {results.map((film, i) => (
        <li
          key={film.movieId}
          id={optionId(i)}
          role="option"
          class="combobox-option"
          aria-selected={i === active ? 'true' : 'false'}
          data-movie-id={film.movieId}
          // mousedown, not click: picking must happen before the input's blur closes the list
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(film);
          }}
          onMouseMove={() => onHover(i)}
        >
          <span class="option-title">
            <FilmTitle film={film} />
          </span>
          <span class="option-meta">
            <FilmGenres film={film} />
            <RatingCount film={film} />
          </span>
        </li>
      ))}
      {expanded && results.length === 0 ? (
        <li class="combobox-empty" role="presentation">
          {empty}
        </li>
      ) : null}
    </ul>
  );
}

/** The combobox pattern's keys: arrows move, Enter picks, Escape closes (or, closed, clears). */
function comboKey(e, { results, open, active, setOpen, setActive, pick, clear }) {
  const n = results.length;
  switch (e.key) {
    case 'ArrowDown':
      e.preventDefault();
      if (!open && n > 0) setOpen(true);
      if (n > 0) setActive((a) => (a + 1) % n);
      break;
    case 'ArrowUp':
      e.preventDefault();
      if (!open && n > 0) setOpen(true);
      if (n > 0) setActive((a) => (a <= 0 ? n - 1 : a - 1));
      break;
    case 'Enter':
      if (open && n > 0) {
        e.preventDefault();
        pick(results[active >= 0 ? active : 0]);
      }
      break;
    case 'Escape':
      e.preventDefault();
      if (open) setOpen(false);
      else clear();
      setActive(-1);
      break;
    default:
  }
}

/**
 * @param {{ search: (q: string) => Promise<object[]>, onPick: (film: object) => void, disabled?: boolean,
 *           label?: string, placeholder?: string, lastYear?: number, keepQuery?: boolean }} props
 *   lastYear: the catalogue's last year, so "nothing found" can say why a new film is missing
 *   keepQuery: false clears the box after a pick (for rating one film after another)
 */
export function FilmSearch({
  search,
  onPick,
  disabled = false,
  label = 'Find a film',
  placeholder = 'Type a title — e.g. toy story, amelie, the usual suspects',
  lastYear,
  keepQuery = true,
}) {
  const [uid] = useState(() => `film-search-${++instances}`);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState(null);
  const latest = useRef(0);
  const box = useRef(null);
  // Answers that come after focus has left the box wait closed until it comes back.
  const openIfFocused = () => setOpen(document.activeElement === box.current);

  async function runSearch(text) {
    const ticket = ++latest.current;
    if (text.trim() === '') {
      setResults([]);
      setOpen(false);
      return;
    }
    try {
      const films = await search(text);
      if (ticket !== latest.current) return; // a newer keystroke already asked
      setResults(films);
      setError(null);
      setActive(-1);
      openIfFocused();
    } catch (e) {
      if (ticket !== latest.current) return;
      setResults([]);
      setError(e.message);
      openIfFocused();
    }
  }

  function pick(film) {
    latest.current++; // ignore any search still in flight
    setQuery(keepQuery ? filmLabel(film) : '');
    if (!keepQuery) setResults([]); // an empty box offers nothing: ArrowDown must not reopen the last matches
    setOpen(false);
    setActive(-1);
    onPick(film);
  }

  const clear = () => {
    latest.current++; // ignore any search still in flight
    setQuery('');
    setResults([]);
  };
  const onKeyDown = (e) => comboKey(e, { results, open, active, setOpen, setActive, pick, clear });

  const listId = `${uid}-list`;
  const optionId = (i) => `${uid}-option-${i}`;
  const expanded = open && (results.length > 0 || error !== null || query.trim() !== '');

  return (
    <div class="combobox">
      <label class="combobox-label" for={uid}>
        {label}
      </label>
      <input
        ref={box}
        id={uid}
        class="combobox-input"
        type="text"
        role="combobox"
        autoComplete="off"
        spellcheck={false}
        placeholder={placeholder}
        aria-autocomplete="list"
        aria-expanded={expanded ? 'true' : 'false'}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        disabled={disabled}
        value={query}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          runSearch(e.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => results.length > 0 && setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      <Matches
        listId={listId}
        optionId={optionId}
        results={results}
        active={active}
        expanded={expanded}
        onPick={pick}
        onHover={setActive}
        empty={error ?? `No film matches “${query.trim()}”${lastYear ? ` — the catalogue runs to ${lastYear}` : ''}`}
      />
      <p class="visually-hidden" role="status" aria-live="polite">
        {expanded ? `${results.length} film${results.length === 1 ? '' : 's'} found` : ''}
      </p>
    </div>
  );
}
