import type { z } from 'zod';

/**
 * A stored JSON text read through the schema of its fields, or undefined when it no longer reads (not
 * JSON, or a shape from another version): stored rows were valid when written, so callers fall back to a
 * default or forget the row rather than fail every answer.
 */
export function parseStoredJson<S extends z.ZodType>(schema: S, text: string): z.output<S> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
