import { z } from 'zod';

/**
 * A delivery page without a field Seika needs. Names the page kind, the field's path in the stored body
 * and, when the field belongs to a listed item, that item's id, so a bad payload can be found and fixed.
 */
export class MalformedDeliveryPageError extends Error {
  constructor(
    readonly kind: string,
    readonly field: string,
    readonly detail: string,
  ) {
    super(`Malformed ${kind} page: field ${field}: ${detail}`);
    this.name = 'MalformedDeliveryPageError';
  }
}

const ID_FIELDS = ['id', 'pullRequestId', 'commitId'] as const;

/** The id of the listed item a path runs through, e.g. `response.value.3.queueTime` → value[3].id. */
function itemIdAlong(body: unknown, path: readonly PropertyKey[]): string | undefined {
  let node: unknown = body;
  let found: string | undefined;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) break;
    node = Reflect.get(node, key);
    if (typeof key === 'number' && typeof node === 'object' && node !== null) {
      for (const field of ID_FIELDS) {
        const id: unknown = Reflect.get(node, field);
        if (typeof id === 'number' || typeof id === 'string') {
          found = `${field} ${String(id)}`;
          break;
        }
      }
    }
  }
  return found;
}

export function parsePage<S extends z.ZodType>(kind: string, schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path ?? [];
  const field = path.length === 0 ? '(body)' : path.map(String).join('.');
  const item = itemIdAlong(body, path);
  throw new MalformedDeliveryPageError(
    kind,
    field,
    `${issue?.message ?? 'invalid'}${item === undefined ? '' : ` (item with ${item})`}`,
  );
}

/** Before this, a timestamp is the .NET "no value" (`0001-01-01T00:00:00`), not a real time. */
const EARLIEST_REAL_TIME = Date.UTC(1970, 0, 2);

/** ISO 8601; a time without a zone is UTC, as old payloads write `0001-01-01T00:00:00`. */
function parseInstant(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return undefined;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`;
  const time = Date.parse(zoned);
  return Number.isNaN(time) ? undefined : time;
}

/** A timestamp that may be absent, null or the "no value" sentinel; all of those read as null. */
export const optionalInstant = z
  .union([z.string(), z.null()])
  .optional()
  .transform((value, context) => {
    if (value === undefined || value === null) return null;
    const time = parseInstant(value);
    if (time === undefined) {
      context.addIssue({ code: 'custom', message: `"${value}" is not an ISO 8601 time` });
      return z.NEVER;
    }
    return time < EARLIEST_REAL_TIME ? null : time;
  });

/** A timestamp that must be there. */
export const instant = z.string().transform((value, context) => {
  const time = parseInstant(value);
  if (time === undefined || time < EARLIEST_REAL_TIME) {
    context.addIssue({ code: 'custom', message: `"${value}" is not an ISO 8601 time` });
    return z.NEVER;
  }
  return time;
});

/** Ids the service writes as strings in some places ("2", "25"). */
export const numericId = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^\d+$/, 'expected a numeric id')
    .transform((value) => Number(value)),
]);

/** Every wrapped delivery page: the response as received, and the request's context. */
export function wrappedPage<C extends z.ZodType, R extends z.ZodType>(context: C, response: R) {
  return z.object({ context, response });
}

/** `{count, value}` collections. */
export function collection<T extends z.ZodType>(item: T) {
  return z.object({ value: z.array(item) });
}
