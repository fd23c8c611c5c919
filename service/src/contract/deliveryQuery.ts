/**
 * Building blocks of delivery (DORA) requests: the project or team path and the range query. Dates are
 * inclusive calendar days in the time zone in effect.
 */
import { z } from 'zod';
import { daysFromTo, isoDateSchema, MAX_RANGE_DAYS } from './flowQuery.ts';
import { timeZoneSchema } from './timeZone.ts';

/** Path of every per-project delivery endpoint; `team` is present on the per-team ones. */
export const deliveryPathSchema = z.object({
  organization: z.string().min(1),
  project: z.string().min(1),
  team: z.string().min(1).optional(),
});
export type DeliveryPath = z.infer<typeof deliveryPathSchema>;

/** Path of the per-project settings. */
export const projectPathSchema = z.object({
  organization: z.string().min(1),
  project: z.string().min(1),
});
export type ProjectPath = z.infer<typeof projectPathSchema>;

const rangeFields = {
  from: isoDateSchema.meta({ description: 'First day of the range (inclusive), YYYY-MM-DD.' }),
  to: isoDateSchema.meta({ description: 'Last day of the range (inclusive), YYYY-MM-DD.' }),
  timeZone: timeZoneSchema.optional().meta({
    description:
      "IANA time zone of the days; default: the project's delivery setting, else the organization's.",
  }),
};

type RangeRule = [(query: { from: string; to: string }) => boolean, { message: string; path: string[] }];
const fromNotAfterTo: RangeRule = [
  (query) => query.from <= query.to,
  { message: 'must not be after "to"', path: ['from'] },
];
const rangeNotTooLong: RangeRule = [
  (query) => daysFromTo(query.from, query.to) < MAX_RANGE_DAYS,
  { message: `must be less than ${MAX_RANGE_DAYS} days before "to"`, path: ['from'] },
];

/** Query of every delivery figure endpoint. */
export const deliveryQuerySchema = z
  .object(rangeFields)
  .refine(...fromNotAfterTo)
  .refine(...rangeNotTooLong);
export type DeliveryQuery = z.infer<typeof deliveryQuerySchema>;

/** The same plus `format`, for the drill-down lists that also answer CSV. */
export const deliveryItemsQuerySchema = z
  .object({
    ...rangeFields,
    format: z
      .enum(['json', 'csv'])
      .optional()
      .meta({ description: 'csv answers RFC 4180 CSV (UTF-8 with BOM); so does "Accept: text/csv".' }),
  })
  .refine(...fromNotAfterTo)
  .refine(...rangeNotTooLong);
export type DeliveryItemsQuery = z.infer<typeof deliveryItemsQuerySchema>;
