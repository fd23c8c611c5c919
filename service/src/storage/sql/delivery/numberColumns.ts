/**
 * A column of numbers (null allowed) as text, in the fewest bytes its values allow: a handful of distinct
 * values (attempts, pipeline and raw page ids, a column all null) as one-byte codes into a list of them,
 * integers (build and pull request ids) in four bytes, anything else (times) in eight. Read back, every
 * column is a Float64Array with NaN for null (no stored number is NaN).
 */
import { base64Of, float64Of, int32Of, uint8Of, type ColumnMemory } from './typedArrayText.ts';

/** Codes 0 … 254 name a listed value; 255 stands for null. */
const NULL_CODE = 0xff;
/** The int32 that stands for null (no integer column uses it). */
const NULL_INTEGER = -0x80000000;

const isListable = (value: number) => Number.isFinite(value) && !Object.is(value, -0);
const isInteger32 = (value: number) =>
  Number.isInteger(value) && value > NULL_INTEGER && value <= 0x7fffffff && !Object.is(value, -0);

function coded(values: readonly (number | null)[]): string | undefined {
  const codeOf = new Map<number, number>();
  const codes = new Uint8Array(values.length);
  for (let n = 0; n < values.length; n++) {
    const value = values[n] ?? null;
    if (value === null) {
      codes[n] = NULL_CODE;
      continue;
    }
    if (!isListable(value)) return undefined;
    let code = codeOf.get(value);
    if (code === undefined) {
      if (codeOf.size === NULL_CODE) return undefined;
      code = codeOf.size;
      codeOf.set(value, code);
    }
    codes[n] = code;
  }
  return `d${JSON.stringify([...codeOf.keys()])}\n${base64Of(codes)}`;
}

function integers(values: readonly (number | null)[]): string | undefined {
  const column = new Int32Array(values.length);
  for (let n = 0; n < values.length; n++) {
    const value = values[n] ?? null;
    if (value !== null && !isInteger32(value)) return undefined;
    column[n] = value ?? NULL_INTEGER;
  }
  return `i${base64Of(column)}`;
}

export function encodeNumbers(values: readonly (number | null)[]): string {
  const smallest = coded(values) ?? integers(values);
  if (smallest !== undefined) return smallest;
  const column = new Float64Array(values.length);
  for (let n = 0; n < values.length; n++) column[n] = values[n] ?? Number.NaN;
  return `f${base64Of(column)}`;
}

function listedValues(text: string): number[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed) || !parsed.every((value) => typeof value === 'number')) {
    throw new Error('A stored number column lists something other than numbers');
  }
  return parsed;
}

function decodeCoded(text: string, column: Float64Array, memory: ColumnMemory): void {
  const split = text.indexOf('\n');
  if (split < 0) throw new Error('A stored number column has no codes');
  const values = listedValues(text.slice(1, split));
  const codes = uint8Of(text.slice(split + 1), memory);
  if (codes.length !== column.length) throw new Error('A stored number column has the wrong length');
  for (let n = 0; n < codes.length; n++) {
    const code = codes[n] ?? NULL_CODE;
    if (code === NULL_CODE) column[n] = Number.NaN;
    else {
      const value = values[code];
      if (value === undefined) throw new Error('A stored number column names a value it does not list');
      column[n] = value;
    }
  }
}

/** The column's numbers (NaN for null), in `memory` when given (see typedArrayText.ts), else fresh. */
export function decodeNumbers(text: string, count: number, memory?: ColumnMemory): Float64Array {
  const kind = text.charAt(0);
  if (kind === 'f') {
    const column = float64Of(text.slice(1), memory);
    if (column.length !== count) throw new Error('A stored number column has the wrong length');
    return column;
  }
  const column = memory === undefined ? new Float64Array(count) : memory.float64(count);
  if (kind === 'd') {
    decodeCoded(text, column, memory);
    return column;
  }
  if (kind !== 'i') throw new Error('A stored number column is of no known kind');
  const stored = int32Of(text.slice(1), memory);
  if (stored.length !== count) throw new Error('A stored number column has the wrong length');
  for (let n = 0; n < count; n++) {
    const value = stored[n] ?? NULL_INTEGER;
    column[n] = value === NULL_INTEGER ? Number.NaN : value;
  }
  return column;
}

export const numberOrNull = (value: number | undefined): number | null =>
  value === undefined || Number.isNaN(value) ? null : value;
