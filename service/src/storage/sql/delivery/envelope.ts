/** Reading the stored linked input's JSON envelope field by field, checking each field's type. */
import type { ListColumn, TextColumn } from './columns.ts';

export type Envelope = Readonly<Record<string, unknown>>;

function isEnvelope(value: unknown): value is Envelope {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function envelopeOf(value: unknown, what: string): Envelope {
  if (!isEnvelope(value)) throw new Error(`The stored linked input's ${what} is not an object`);
  return value;
}

export function textField(envelope: Envelope, key: string): string {
  const value = envelope[key];
  if (typeof value !== 'string') throw new Error(`The stored linked input's ${key} is not text`);
  return value;
}

export function numberField(envelope: Envelope, key: string): number {
  const value = envelope[key];
  if (typeof value !== 'number') throw new Error(`The stored linked input's ${key} is not a number`);
  return value;
}

export function textColumnField(envelope: Envelope, key: string): TextColumn {
  const column = envelopeOf(envelope[key], key);
  const json = column['json'];
  if (typeof json !== 'boolean') throw new Error(`The stored linked input's ${key} has no json flag`);
  const codes = column['codes'] === null ? null : textField(column, 'codes');
  return { values: textField(column, 'values'), json, codes };
}

export function listColumnField(envelope: Envelope, key: string): ListColumn {
  const column = envelopeOf(envelope[key], key);
  return { ends: textField(column, 'ends'), items: textField(column, 'items') };
}
