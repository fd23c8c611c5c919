/** What the linked input's record codecs share: checked enum values, required fields, provenance. */
import type { Provenance } from '../../../domain/records.ts';

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
