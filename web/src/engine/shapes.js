// Shapes that are values and types at once: `listOf(number)` checks an array of numbers at run time,
// and TypeScript reads it as `number[]`. The protocol table (protocol.js) is written with them, so
// the types a checker reads and the checks the tests run come from the one declaration.

/** A shape's run-time form; TypeScript sees the value's type instead (see the casts below). */
class Shape {
  /** @param {string} kind @param {any} [of] */
  constructor(kind, of) {
    this.kind = kind;
    this.of = of;
  }
}

/** @template T @param {string} kind @param {any} [of] @returns {T} */
const shape = (kind, of) => /** @type {T} */ (/** @type {unknown} */ (new Shape(kind, of)));

export const number = /** @type {number} */ (shape('number'));
export const string = /** @type {string} */ (shape('string'));
export const boolean = /** @type {boolean} */ (shape('boolean'));
export const int32s = /** @type {Int32Array} */ (shape('instance', 'Int32Array'));
export const int16s = /** @type {Int16Array} */ (shape('instance', 'Int16Array'));
export const uint32s = /** @type {Uint32Array} */ (shape('instance', 'Uint32Array'));
export const float32s = /** @type {Float32Array} */ (shape('instance', 'Float32Array'));
export const bytes = /** @type {Uint8Array} */ (shape('instance', 'Uint8Array'));
export const files = /** @type {File[]} */ (shape('files'));
/** Anything at all: for a field the worker checks itself (the engine's filter object). */
export const unknown = /** @type {unknown} */ (shape('unknown'));

/** Exactly this value. @template {string} T @param {T} value @returns {T} */
export const literal = (value) => shape('literal', value);
/** @template T @param {T} of @returns {T | null} */
export const nullable = (of) => shape('nullable', of);
/** A field that may be absent. @template T @param {T} of @returns {T | undefined} */
export const optional = (of) => shape('optional', of);
/** @template T @param {T} of @returns {T[]} */
export const listOf = (of) => shape('listOf', of);
/** @template T @param {T} of @returns {Record<string, T>} */
export const recordOf = (of) => shape('recordOf', of);
/** One of several shapes. @template {unknown[]} T @param {T} shapes @returns {T[number]} */
export const oneOf = (...shapes) => shape('oneOf', shapes);

/** A shape in words, for a problem's message. @param {unknown} s @returns {string} */
function describe(s) {
  if (!(s instanceof Shape)) return 'an object';
  switch (s.kind) {
    case 'literal':
      return JSON.stringify(s.of);
    case 'instance':
      return s.of;
    case 'listOf':
      return `a list of ${describe(s.of)}`;
    case 'recordOf':
      return `a record of ${describe(s.of)}`;
    case 'nullable':
      return `${describe(s.of)} or null`;
    case 'oneOf':
      return s.of.map(describe).join(' or ');
    case 'files':
      return 'a list of File';
    default:
      return s.kind;
  }
}

/**
 * What is wrong with `value` as `declared`: one line per problem, none when it fits. Plain objects
 * in a shape are exact: a key the shape lacks is a problem too, so a field added on one side only
 * is caught.
 * @param {unknown} value @param {unknown} declared @param {string} [at]
 * @returns {string[]}
 */
export function problems(value, declared, at = 'value') {
  const s = /** @type {any} */ (declared);
  const v = /** @type {any} */ (value);
  if (!(s instanceof Shape)) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return [`${at} is ${show(v)}, not an object`];
    const out = Object.keys(v)
      .filter((k) => !Object.hasOwn(s, k))
      .map((k) => `${at}.${k} is not declared`);
    for (const k of Object.keys(s)) out.push(...problems(v[k], s[k], `${at}.${k}`));
    return out;
  }
  const wrong = () => [`${at} is ${show(v)}, not ${describe(s)}`];
  switch (s.kind) {
    case 'number':
    case 'string':
    case 'boolean':
      return typeof v === s.kind ? [] : wrong();
    case 'instance':
      return v?.constructor?.name === s.of ? [] : wrong();
    case 'files':
      return Array.isArray(v) && v.every((f) => typeof Blob !== 'undefined' && f instanceof Blob) ? [] : wrong();
    case 'unknown':
      return [];
    case 'literal':
      return v === s.of ? [] : wrong();
    case 'nullable':
      return v === null ? [] : v === undefined ? wrong() : problems(v, s.of, at);
    case 'optional':
      return v === undefined ? [] : problems(v, s.of, at);
    case 'listOf':
      return Array.isArray(v) ? v.flatMap((x, i) => problems(x, s.of, `${at}[${i}]`)) : wrong();
    case 'recordOf':
      return typeof v === 'object' && v !== null && !Array.isArray(v)
        ? Object.entries(v).flatMap(([k, x]) => problems(x, s.of, `${at}.${k}`))
        : wrong();
    case 'oneOf': {
      const each = s.of.map((/** @type {unknown} */ o) => problems(v, o, at));
      return each.some((/** @type {string[]} */ p) => p.length === 0)
        ? []
        : each.reduce((/** @type {string[]} */ a, /** @type {string[]} */ b) => (b.length < a.length ? b : a));
    }
    default:
      throw new Error(`unknown shape ${s.kind}`);
  }
}

/** @param {any} v */
function show(v) {
  if (v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return v.constructor?.name ?? 'an object';
  return `${typeof v} ${JSON.stringify(v)?.slice(0, 40)}`;
}
