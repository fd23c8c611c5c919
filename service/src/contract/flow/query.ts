/**
 * Building blocks of flow-API requests. Query strings carry text, JSON bodies carry numbers and arrays:
 * each parameter accepts both and names what is wrong in its message.
 */
import { z } from 'zod';
import { timeZoneSchema } from '../timeZone.ts';

/** Longest date range one request may cover (ten years and a few days). */
export const MAX_RANGE_DAYS = 3660;
const MS_PER_DAY = 86_400_000;

/** True when the date exists: Date.UTC rolls 2026-02-30 over to March, so compare the parts back. */
function isRealCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD, already validated). */
export function daysFromTo(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a calendar date written YYYY-MM-DD')
  .refine(isRealCalendarDate, 'is not a real calendar date')
  .meta({ format: 'date' });

/** An integer in [min, max], from a number or from its decimal text. */
export function wholeNumber(min: number, max: number) {
  return z.preprocess(
    (value) => (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value),
    z
      .number({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a whole number') })
      .int('must be a whole number')
      .min(min, `must be at least ${min}`)
      .max(max, `must be at most ${max}`),
  );
}

/** Comma-separated text (or repeated parameters, or a JSON array) as a list of trimmed, non-empty entries. */
function splitList(value: unknown): unknown {
  const parts = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(parts) || !parts.every((part) => typeof part === 'string')) return value;
  return parts
    .flatMap((part) => part.split(','))
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

export function textList(maxItems: number) {
  return z.preprocess(
    splitList,
    z
      .array(z.string().max(256, 'entries must be at most 256 characters'), {
        error: 'must be a comma-separated list',
      })
      .max(maxItems, `must list at most ${maxItems} entries`),
  );
}

/** Percentile lines such as 50,70,85,95: each above 0 and at most 100. */
export const percentilesSchema = z.preprocess(
  (value) => {
    const list = splitList(value);
    return Array.isArray(list)
      ? list.map((entry) => (typeof entry === 'string' ? Number(entry) : entry))
      : list;
  },
  z
    .array(
      z
        .number({ error: 'must be numbers such as 50,85,95' })
        .gt(0, 'must be above 0')
        .max(100, 'must be at most 100'),
      { error: 'must be a comma-separated list of numbers such as 50,85,95' },
    )
    .min(1, 'must list at least one percentile')
    .max(10, 'must list at most 10 percentiles'),
);

/** Filters on top of the team's scope; every endpoint accepts them. */
export const flowFilterParamsSchema = z.object({
  workItemTypes: textList(50)
    .optional()
    .meta({ description: "Only these work item types (comma list); each must be one of the team's types." }),
  tags: textList(50).optional().meta({ description: 'Only items carrying these tags (comma list).' }),
  tagMatch: z
    .enum(['any', 'all'])
    .optional()
    .meta({ description: 'Whether an item needs any (default) or all of the tags.' }),
  areaPath: z.string().trim().min(1, 'must not be empty').max(4000).optional().meta({
    description: "Only items at or below this area path; it must lie within the team's area paths.",
  }),
});

export const optionalTimeZone = timeZoneSchema
  .optional()
  .meta({ description: "IANA time zone of the days; default: the team's setting, else the organization's." });

const rangeFields = {
  from: isoDateSchema.meta({ description: 'First day of the range (inclusive), YYYY-MM-DD.' }),
  to: isoDateSchema.meta({ description: 'Last day of the range (inclusive), YYYY-MM-DD.' }),
  timeZone: optionalTimeZone,
  ...flowFilterParamsSchema.shape,
  basis: isoDateSchema
    .optional()
    .meta({ description: 'Day to replay aging and service levels as of (default: "to").' }),
  percentiles: percentilesSchema
    .optional()
    .meta({ description: "Percentile lines, e.g. 50,70,85,95 (default: the team's setting)." }),
};

/** Refinements every date-range query applies (spread into `.refine(...)`). */
type RangeRule = [(query: { from: string; to: string }) => boolean, { message: string; path: string[] }];
export const fromNotAfterTo: RangeRule = [
  (query) => query.from <= query.to,
  { message: 'must not be after "to"', path: ['from'] },
];
export const rangeNotTooLong: RangeRule = [
  (query) => daysFromTo(query.from, query.to) < MAX_RANGE_DAYS,
  { message: `must be less than ${MAX_RANGE_DAYS} days before "to"`, path: ['from'] },
];

/** `format` of the endpoints that also answer CSV. */
export const formatField = z
  .enum(['json', 'csv'])
  .optional()
  .meta({ description: 'csv answers RFC 4180 CSV (UTF-8 with BOM); so does "Accept: text/csv".' });

/** Query of every per-range flow endpoint. Dates are inclusive calendar days in the team's time zone. */
export const flowQuerySchema = z
  .object(rangeFields)
  .refine(...fromNotAfterTo)
  .refine(...rangeNotTooLong);
export type FlowQuery = z.infer<typeof flowQuerySchema>;

/** The same plus `format`, for endpoints that also answer CSV (item-level data). */
export const flowItemsQuerySchema = z
  .object({
    ...rangeFields,
    format: formatField,
  })
  .refine(...fromNotAfterTo)
  .refine(...rangeNotTooLong);
export type FlowItemsQuery = z.infer<typeof flowItemsQuerySchema>;

/** Filters as applied, echoed in every answer. */
export const appliedFiltersSchema = z.object({
  workItemTypes: z.array(z.string()),
  tags: z.array(z.string()),
  tagMatch: z.enum(['any', 'all']),
  areaPath: z.string().nullable(),
});
export type AppliedFilters = z.infer<typeof appliedFiltersSchema>;
