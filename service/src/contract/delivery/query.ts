/**
 * Building blocks of delivery (DORA) requests: the project or team path and the range query. Dates are
 * inclusive calendar days in the time zone in effect.
 */
import { z } from 'zod';
import { formatField, fromNotAfterTo, isoDateSchema, rangeNotTooLong, wholeNumber } from '../flow/query.ts';
import { timeZoneSchema } from '../timeZone.ts';

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

/** Query of every delivery figure endpoint. */
export const deliveryQuerySchema = z
  .object(rangeFields)
  .refine(...fromNotAfterTo)
  .refine(...rangeNotTooLong);
export type DeliveryQuery = z.infer<typeof deliveryQuerySchema>;

/** Most rows one page of a drill-down list may ask for. */
export const MAX_DELIVERY_PAGE_SIZE = 10_000;

/** The same plus `format`, and paging, for the drill-down lists that also answer CSV. */
export const deliveryItemsQuerySchema = z
  .object({
    ...rangeFields,
    format: formatField,
    offset: wholeNumber(0, Number.MAX_SAFE_INTEGER)
      .optional()
      .meta({ description: 'Rows to skip (default 0); with `limit`, pages through long lists.' }),
    limit: wholeNumber(1, MAX_DELIVERY_PAGE_SIZE)
      .optional()
      .meta({
        description: `Most rows to answer (at most ${MAX_DELIVERY_PAGE_SIZE}); absent answers every row.`,
      }),
  })
  .refine(...fromNotAfterTo)
  .refine(...rangeNotTooLong);
export type DeliveryItemsQuery = z.infer<typeof deliveryItemsQuerySchema>;
