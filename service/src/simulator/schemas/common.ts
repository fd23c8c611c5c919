import { z } from 'zod';

/**
 * Building blocks. The schemas list the fields consumers use (extra fields pass), and accept both the
 * official examples (legacy captures: `"0001-01-01T00:00:00"`, seven fraction digits) and the
 * simulator's answers.
 */
export const dateString = z
  .string()
  .refine((text) => !Number.isNaN(Date.parse(text)) || text.startsWith('0001-01-01'), 'not a date');

export const identityRefSchema = z.object({
  id: z.string(),
  displayName: z.string().optional(),
  uniqueName: z.string().optional(),
});

/** `{count, value}`, the service's collection wrapper. */
export const collection = <T extends z.ZodType>(item: T) =>
  z
    .object({ count: z.number().int().min(0), value: z.array(item) })
    .refine((body) => body.count === body.value.length, 'count must match value');

export const projectRefSchema = z.object({ id: z.string(), name: z.string() });
export const nameUrlSchema = z.object({ name: z.string(), url: z.string() });
export const linkSchema = z.object({ href: z.string() });
