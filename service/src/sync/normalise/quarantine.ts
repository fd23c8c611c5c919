import { z } from 'zod';
import type { PageSource, QuarantinedRecord } from '../../storage/repository.ts';
import { MalformedDeliveryPageError, parsePage } from './delivery/parse.ts';

/** The records of a page that could be read, and the ones kept aside with the reason. */
export interface SortedRecords<T> {
  records: T[];
  quarantined: QuarantinedRecord[];
}

/** The fields that name a listed record, in the order they are tried. */
const KEY_FIELDS = ['id', 'pullRequestId', 'commitId', 'name', 'path', 'referenceName'] as const;

/** A record's own key for the quarantine list: its id or name as Azure DevOps sent it, else its position. */
export function recordKey(item: unknown, position: number): string {
  if (typeof item === 'object' && item !== null) {
    for (const field of KEY_FIELDS) {
      const value: unknown = Reflect.get(item, field);
      if (typeof value === 'number' || (typeof value === 'string' && value !== '')) {
        return `${field} ${String(value)}`;
      }
    }
  }
  return `#${position}`;
}

function reasonOf(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue?.path ?? [];
  const field = path.length === 0 ? '(record)' : path.map(String).join('.');
  return `field ${field}: ${issue?.message ?? 'invalid'}`;
}

/**
 * Reads each record of a page with its own schema and mapping. A record without the fields Seika needs
 * goes to quarantine (position, key, the record, why) and the page's other records are read: one bad
 * record must not hold back its page, nor the watermark after it.
 */
export function sortRecords<S extends z.ZodType, T>(
  items: readonly unknown[],
  schema: S,
  map: (record: z.output<S>, position: number) => T,
): SortedRecords<T> {
  const records: T[] = [];
  const quarantined: QuarantinedRecord[] = [];
  for (const [position, item] of items.entries()) {
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      quarantined.push({
        position,
        itemKey: recordKey(item, position),
        item,
        reason: reasonOf(parsed.error),
      });
      continue;
    }
    try {
      records.push(map(parsed.data, position));
    } catch (error) {
      // Only a record the mapping cannot read is the record's fault; anything else is Seika's.
      if (!(error instanceof MalformedDeliveryPageError) && !(error instanceof z.ZodError)) throw error;
      const reason = error instanceof z.ZodError ? reasonOf(error) : error.message;
      quarantined.push({ position, itemKey: recordKey(item, position), item, reason });
    }
  }
  return { records, quarantined };
}

/**
 * A page made of one record (a team's settings, a single pull request): readable, or quarantined whole
 * at position 0 with the page's own key. Nothing of it applies then, and nothing else is held back.
 */
export function sortSingleRecord<S extends z.ZodType>(
  body: unknown,
  schema: S,
  key: string,
): { record: z.output<S> | undefined; quarantined: QuarantinedRecord[] } {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { record: parsed.data, quarantined: [] };
  return {
    record: undefined,
    quarantined: [{ position: 0, itemKey: key, item: body, reason: reasonOf(parsed.error) }],
  };
}

/** The page source carrying its quarantine, which replaces what the page had (stored with its rows). */
export function withQuarantine(
  source: PageSource,
  stream: string,
  records: readonly QuarantinedRecord[],
): PageSource {
  return { ...source, quarantine: { stream, records } };
}

/** The listed records of a `{count, value}` answer, each to be read on its own (see sortRecords). */
export function listedItems(kind: string, body: unknown): unknown[] {
  return parsePage(kind, z.object({ value: z.array(z.unknown()) }), body).value;
}

/** A wrapped delivery page whose response lists records, each read on its own (see sortRecords). */
export function parseListPage<C extends z.ZodType>(kind: string, context: C, body: unknown) {
  return parsePage(kind, z.object({ context, response: z.object({ value: z.array(z.unknown()) }) }), body);
}
