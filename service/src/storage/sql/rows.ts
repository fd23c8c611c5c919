import type { SqlRow } from './sqlDatabase.ts';

/** Typed readers for result rows of either driver; a column of the wrong type is a schema bug and throws. */
export function text(row: SqlRow, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new Error(`Column ${column} is not text`);
  return value;
}

export function optionalText(row: SqlRow, column: string): string | null {
  const value = row[column];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new Error(`Column ${column} is not text`);
  return value;
}

export function integer(row: SqlRow, column: string): number {
  const value = row[column];
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  // PostgreSQL returns BIGINT and COUNT(*) as text to avoid precision loss; ours fit in 2^53.
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  throw new Error(`Column ${column} is not an integer`);
}

export function optionalInteger(row: SqlRow, column: string): number | null {
  const value = row[column];
  return value === null || value === undefined ? null : integer(row, column);
}

export function bool(row: SqlRow, column: string): boolean {
  return integer(row, column) !== 0;
}

export function stringArray(row: SqlRow, column: string): string[] {
  const parsed: unknown = JSON.parse(text(row, column));
  if (!Array.isArray(parsed) || !parsed.every((entry) => typeof entry === 'string')) {
    throw new Error(`Column ${column} is not a JSON string array`);
  }
  return parsed;
}
