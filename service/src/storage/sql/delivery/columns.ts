/**
 * Record fields as columns for one stored text: texts dictionary-coded, numbers and codes as typed arrays
 * in base64. Hundreds of thousands of records then parse as a few long strings instead of a JSON value
 * per field, which is what makes reading a large project's linked input cheaper than reading its rows.
 */

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

export function base64Of(array: Float64Array | Int32Array | Uint16Array | Uint8Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

/** The decoded bytes where a typed array of `width` can view them: a small Buffer may sit unaligned in a shared pool. */
function bytesOf(text: string, width: number): { buffer: ArrayBufferLike; offset: number; length: number } {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % width !== 0) throw new Error('A stored column has a partial value');
  if (bytes.byteOffset % width === 0) {
    return { buffer: bytes.buffer, offset: bytes.byteOffset, length: bytes.length / width };
  }
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return { buffer: copy.buffer, offset: 0, length: bytes.length / width };
}

export function float64Of(text: string): Float64Array {
  const { buffer, offset, length } = bytesOf(text, 8);
  return new Float64Array(buffer, offset, length);
}

export function int32Of(text: string): Int32Array {
  const { buffer, offset, length } = bytesOf(text, 4);
  return new Int32Array(buffer, offset, length);
}

export function uint8Of(text: string): Uint8Array {
  const { buffer, offset, length } = bytesOf(text, 1);
  return new Uint8Array(buffer, offset, length);
}

function uint16Of(text: string): Uint16Array {
  const { buffer, offset, length } = bytesOf(text, 2);
  return new Uint16Array(buffer, offset, length);
}

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

/** A column's values by position: an array of the distinct values, or the lines of a column of own values. */
interface ValueList<T> {
  readonly length: number;
  at(index: number): T | undefined;
}

/**
 * The values of a column in which each record has its own (ids, SHAs), cut from the stored text only when
 * read: a view that keeps some of the records makes strings of theirs alone.
 */
class OwnValues<T extends string> implements ValueList<T> {
  private readonly starts: Int32Array;

  constructor(
    private readonly text: string,
    readonly length: number,
    private readonly parse: (value: string) => T,
  ) {
    // A column without values is stored as JSON: this text holds at least one.
    if (length === 0) throw new Error('A stored text column has the wrong length');
    this.starts = new Int32Array(length + 1);
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
    private readonly values: ValueList<T>,
    /** null: each record has its own value, in order. */
    private readonly codes: Uint8Array | Uint16Array | Int32Array | null,
    private readonly nullCode: number,
  ) {}

  at(n: number): T | null {
    const code = this.codes === null ? n : (this.codes[n] ?? this.nullCode);
    if (code === this.nullCode) return null;
    const value = this.values.at(code);
    if (value === undefined) throw new Error('A stored text column names a value it does not hold');
    return value;
  }
}

/** A text column's reader; `parse` checks (and narrows) each distinct value once, an own value when read. */
export function decodeTexts<T extends string>(
  column: TextColumn,
  count: number,
  parse: (value: string) => T,
): TextReader<T> {
  if (column.codes === null) {
    // Own values joined by newlines; JSON when one holds a newline or is empty (then parsed whole).
    if (!column.json) return new TextReader(new OwnValues(column.values, count, parse), null, NULL_CODE);
    const values = distinctOf(column).map(parse);
    if (values.length !== count) throw new Error('A stored text column has the wrong length');
    return new TextReader(values, null, NULL_CODE);
  }
  const distinct = distinctOf(column).map(parse);
  const codes = codesOf(column.codes, count, distinct.length);
  const nullCode = codes instanceof Uint8Array ? 0xff : codes instanceof Uint16Array ? 0xffff : NULL_CODE;
  return new TextReader(distinct, codes, nullCode);
}

/** The codes in the width encodeTexts chose for this many distinct values. */
function codesOf(text: string, count: number, distinct: number): Uint8Array | Uint16Array | Int32Array {
  const codes = distinct < 0xff ? uint8Of(text) : distinct < 0xffff ? uint16Of(text) : int32Of(text);
  if (codes.length !== count) throw new Error('A stored text column has the wrong length');
  return codes;
}

/** Numbers with NaN for null (no stored number is NaN). */
export function encodeNumbers(values: readonly (number | null)[]): string {
  const column = new Float64Array(values.length);
  for (let n = 0; n < values.length; n++) column[n] = values[n] ?? Number.NaN;
  return base64Of(column);
}

export function decodeNumbers(text: string, count: number): Float64Array {
  const column = float64Of(text);
  if (column.length !== count) throw new Error('A stored number column has the wrong length');
  return column;
}

export const numberOrNull = (value: number | undefined): number | null =>
  value === undefined || Number.isNaN(value) ? null : value;

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

export function decodeLists(column: ListColumn, count: number): (readonly number[])[] {
  const ends = int32Of(column.ends);
  const items = float64Of(column.items);
  if (ends.length !== count) throw new Error('A stored list column has the wrong length');
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
