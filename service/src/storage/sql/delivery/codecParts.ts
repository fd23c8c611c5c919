/**
 * What the linked input's record codecs share: column encoders and readers, checked enum values,
 * required fields, provenance.
 */
import type { Provenance } from '../../../domain/records.ts';
import { decodeTexts, encodeTexts } from './columns.ts';
import { numberField, textColumnField, textField, type Envelope } from './envelope.ts';
import { decodeNumbers, encodeNumbers } from './numberColumns.ts';
import type { ColumnMemory } from './typedArrayText.ts';

/** One field of every record as a column. */
export function columnEncoders<R>(records: readonly R[]) {
  return {
    texts: (pick: (record: R) => string | null) => encodeTexts(records.map(pick)),
    numbers: (pick: (record: R) => number | null) => encodeNumbers(records.map(pick)),
  };
}

/** The record count of an envelope and readers of its columns (in `memory` when given: typedArrayText.ts). */
export function columnReaders(envelope: Envelope, memory?: ColumnMemory) {
  const count = numberField(envelope, 'count');
  return {
    count,
    texts: <T extends string>(key: string, parse: (value: string) => T) =>
      decodeTexts(textColumnField(envelope, key), count, parse, memory),
    numbers: (key: string) => decodeNumbers(textField(envelope, key), count, memory),
  };
}

export const anyText = (value: string): string => value;

export function oneOf<T extends string>(values: readonly T[]): (value: string) => T {
  return (value) => {
    const found = values.find((candidate) => candidate === value);
    if (found === undefined) throw new Error(`Stored value "${value}" is not a known value`);
    return found;
  };
}

export function required<T>(value: T | null, field: string): T {
  if (value === null) throw new Error(`A stored ${field} is missing`);
  return value;
}

/**
 * One provenance object per raw page, shared by the records read from it (nothing changes a record's
 * provenance): a large project's records then weigh hundreds of thousands of objects less.
 */
export function provenanceInterner(): (rawPageId: number) => Provenance {
  const byPage = new Map<number, Provenance>();
  return (rawPageId) => {
    let provenance = byPage.get(rawPageId);
    if (provenance === undefined) byPage.set(rawPageId, (provenance = { rawPageId }));
    return provenance;
  };
}
