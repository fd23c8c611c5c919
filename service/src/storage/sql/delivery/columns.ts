/**
 * Record fields as columns for one stored text: texts dictionary-coded, codes and lists as typed arrays in
 * base64 (numbers: numberColumns.ts). Hundreds of thousands of records then parse as a few long strings
 * instead of a JSON value per field, which is what makes reading a large project's linked input cheaper
 * than reading its rows.
 */
import { decodeNumbers, encodeNumbers } from './numberColumns.ts';
import { base64Of, int32Of, uint16Of, uint8Of, type ColumnMemory } from './typedArrayText.ts';

/**
 * Distinct values (joined by newlines unless one holds a newline, else JSON) and each record's code, in
 * as few bytes as the distinct values need (the largest code stands for null); no codes when every record
 * has a value of its own (ids, SHAs), in order.
 */
export interface TextColumn {
  values: string;
  json: boolean;
  codes: string | null;
}

const SEPARATOR = '\n';

const NULL_CODE = -1;

/** Codes in 1, 2 or 4 bytes; the width's largest value stands for null. */
function codeArray(codes: Int32Array, distinct: number): Uint8Array | Uint16Array | Int32Array {
  const narrow =
    distinct < 0xff
      ? new Uint8Array(codes.length)
      : distinct < 0xffff
        ? new Uint16Array(codes.length)
        : codes;
  if (narrow === codes) return codes;
  const nullCode = narrow instanceof Uint8Array ? 0xff : 0xffff;
  for (let n = 0; n < codes.length; n++) narrow[n] = codes[n] === NULL_CODE ? nullCode : (codes[n] ?? 0);
  return narrow;
}

export function encodeTexts(values: readonly (string | null)[]): TextColumn {
  const codeOf = new Map<string, number>();
  const distinct: string[] = [];
  const codes = new Int32Array(values.length);
  let json = false;
  for (let n = 0; n < values.length; n++) {
    const value = values[n] ?? null;
    if (value === null) {
      codes[n] = NULL_CODE;
      continue;
    }
    let code = codeOf.get(value);
    if (code === undefined) {
      code = distinct.length;
      codeOf.set(value, code);
      distinct.push(value);
      if (value.includes(SEPARATOR)) json = true;
    }
    codes[n] = code;
  }
  // An empty join cannot tell no value from one empty value: JSON says which.
  if (distinct.length === 0 || distinct.includes('')) json = true;
  const text = json ? JSON.stringify(distinct) : distinct.join(SEPARATOR);
  const own = distinct.length === values.length;
  return { values: text, json, codes: own ? null : base64Of(codeArray(codes, distinct.length)) };
}

function distinctOf(column: TextColumn): string[] {
  if (!column.json) return column.values.split(SEPARATOR);
  const parsed: unknown = JSON.parse(column.values);
  if (!Array.isArray(parsed) || !parsed.every((value) => typeof value === 'string')) {
    throw new Error('A stored text column is not a list of texts');
  }
  return parsed;
}

/**
 * The values of a column in which each record has its own (ids, SHAs), cut from the stored text only when
 * read: a view that keeps some of the records makes strings of theirs alone.
 */
class OwnValues<T extends string> {
  private readonly starts: Int32Array;

  constructor(
    private readonly text: string,
    readonly length: number,
    private readonly parse: (value: string) => T,
    memory: ColumnMemory,
  ) {
    // A column without values is stored as JSON: this text holds at least one.
    if (length === 0) throw new Error('A stored text column has the wrong length');
    this.starts = memory === undefined ? new Int32Array(length + 1) : memory.int32(length + 1);
    let at = 0;
    for (let n = 0; n < length; n++) {
      this.starts[n] = at;
      const end = text.indexOf(SEPARATOR, at);
      if (end < 0 !== (n === length - 1)) throw new Error('A stored text column has the wrong length');
      at = end < 0 ? text.length + 1 : end + 1;
    }
    this.starts[length] = at;
  }

  at(index: number): T | undefined {
    if (index < 0 || index >= this.length) return undefined;
    const start = this.starts[index] ?? 0;
    const end = (this.starts[index + 1] ?? start + 1) - 1;
    return this.parse(this.text.slice(start, end));
  }
}

/** Reads a text column record by record, without an array of every record's value. */
export class TextReader<T extends string> {
  constructor(
    /** The distinct values the codes name, or every record's value in order (no codes). */
    private readonly distinct: readonly T[],
    /** Every record's value, cut from the text when read; then `distinct` is empty and there are no codes. */
    private readonly own: OwnValues<T> | null,
    private readonly codes: Uint8Array | Uint16Array | Int32Array | null,
    private readonly nullCode: number,
  ) {}

  at(n: number): T | null {
    const code = this.codes === null ? n : (this.codes[n] ?? this.nullCode);
    if (code === this.nullCode) return null;
    // Array indexing, not a shared method: this runs once per field of hundreds of thousands of records.
    const value = this.own === null ? this.distinct[code] : this.own.at(code);
    if (value === undefined) throw new Error('A stored text column names a value it does not hold');
    return value;
  }
}

/**
 * A text column's reader; `parse` checks (and narrows) each distinct value once, an own value when read.
 * Its codes and offsets live in `memory` when given (see typedArrayText.ts).
 */
export function decodeTexts<T extends string>(
  column: TextColumn,
  count: number,
  parse: (value: string) => T,
  memory?: ColumnMemory,
): TextReader<T> {
  if (column.codes === null) {
    // Own values joined by newlines; JSON when one holds a newline or is empty (then parsed whole).
    if (!column.json) {
      return new TextReader([], new OwnValues(column.values, count, parse, memory), null, NULL_CODE);
    }
    const values = distinctOf(column).map(parse);
    if (values.length !== count) throw new Error('A stored text column has the wrong length');
    return new TextReader(values, null, null, NULL_CODE);
  }
  const distinct = distinctOf(column).map(parse);
  const codes = codesOf(column.codes, count, distinct.length, memory);
  const nullCode = codes instanceof Uint8Array ? 0xff : codes instanceof Uint16Array ? 0xffff : NULL_CODE;
  return new TextReader(distinct, null, codes, nullCode);
}

/** The codes in the width encodeTexts chose for this many distinct values. */
function codesOf(
  text: string,
  count: number,
  distinct: number,
  memory: ColumnMemory,
): Uint8Array | Uint16Array | Int32Array {
  const codes =
    distinct < 0xff
      ? uint8Of(text, memory)
      : distinct < 0xffff
        ? uint16Of(text, memory)
        : int32Of(text, memory);
  if (codes.length !== count) throw new Error('A stored text column has the wrong length');
  return codes;
}

/** Lists of numbers: where each record's list ends (exclusive), and every list's items in order. */
export interface ListColumn {
  ends: string;
  items: string;
}

export function encodeLists(lists: readonly (readonly number[])[]): ListColumn {
  const ends = new Int32Array(lists.length);
  const items: number[] = [];
  lists.forEach((list, n) => {
    items.push(...list);
    ends[n] = items.length;
  });
  return { ends: base64Of(ends), items: encodeNumbers(items) };
}

const NO_NUMBERS: readonly number[] = Object.freeze([]);

export function decodeLists(column: ListColumn, count: number, memory?: ColumnMemory): (readonly number[])[] {
  const ends = int32Of(column.ends, memory);
  if (ends.length !== count) throw new Error('A stored list column has the wrong length');
  const items = decodeNumbers(column.items, count === 0 ? 0 : (ends[count - 1] ?? 0), memory);
  const lists = new Array<readonly number[]>(count);
  let start = 0;
  for (let n = 0; n < count; n++) {
    const end = ends[n] ?? start;
    if (end > start) {
      const list = new Array<number>(end - start);
      for (let k = start; k < end; k++) list[k - start] = items[k] ?? 0;
      lists[n] = list;
    } else {
      // Most lists are empty: they share one (read-only) array.
      lists[n] = NO_NUMBERS;
    }
    start = end;
  }
  return lists;
}
