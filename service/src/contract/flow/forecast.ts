/**
 * Monte Carlo forecasts (metric definitions § Forecasts). Each accepts its parameters as a query string
 * (GET) or a JSON body (POST). Results are seeded: the same request gives the same answer.
 */
import { z } from 'zod';
import { flowFilterParamsSchema, isoDateSchema, optionalTimeZone, wholeNumber } from './query.ts';
import { appliedFiltersSchema } from './query.ts';

export const MAX_FORECAST_TRIALS = 50_000;
export const MAX_FORECAST_HISTORY_DAYS = 3650;
/** Furthest a how-many date may lie after the basis day. */
export const MAX_FORECAST_DAYS = 730;

const day = z.string().meta({ format: 'date' });

const forecastFields = {
  timeZone: optionalTimeZone,
  ...flowFilterParamsSchema.shape,
  basis: isoDateSchema.optional().meta({
    description: 'Last day of throughput history; forecasting starts the day after (default: yesterday).',
  }),
  history: wholeNumber(1, MAX_FORECAST_HISTORY_DAYS).optional().meta({
    description: "Days of throughput history sampled, zero days included (default: the team's setting, 30).",
  }),
  trials: wholeNumber(1, MAX_FORECAST_TRIALS)
    .optional()
    .meta({ description: "Monte Carlo trials (default: the team's setting, 10000)." }),
  seed: wholeNumber(0, 4_294_967_295)
    .optional()
    .meta({ description: 'Random seed; by default one derived from the request, so answers repeat.' }),
};

export const howManyQuerySchema = z.object({
  ...forecastFields,
  by: isoDateSchema.meta({ description: 'Last day counted (inclusive), after the basis day.' }),
  target: wholeNumber(0, 1_000_000)
    .optional()
    .meta({ description: 'Item count whose probability of being reached is reported.' }),
});
export type HowManyQuery = z.infer<typeof howManyQuerySchema>;

export const whenQuerySchema = z.object({
  ...forecastFields,
  items: wholeNumber(1, 10_000).meta({ description: 'How many items remain to finish.' }),
  target: isoDateSchema.optional().meta({ description: 'Date whose probability of being met is reported.' }),
});
export type WhenQuery = z.infer<typeof whenQuerySchema>;

export const sprintForecastQuerySchema = z.object({
  ...forecastFields,
  target: wholeNumber(0, 1_000_000).optional().meta({
    description: 'Sprint throughput target (items done in the whole sprint) whose probability is reported.',
  }),
});
export type SprintForecastQuery = z.infer<typeof sprintForecastQuerySchema>;

/** What every forecast answer starts with: the team, the sampled history and the simulation's settings. */
export const forecastMetaSchema = z.object({
  organization: z.string(),
  project: z.string(),
  team: z.string(),
  timeZone: z.string(),
  filters: appliedFiltersSchema,
  /** Last day of history; the first forecast day is the day after. */
  basis: day,
  startDay: day,
  history: z.object({
    fromDay: day,
    toDay: day,
    days: z.number().int(),
    /** Items completed in the history window. */
    total: z.number().int(),
    zeroDays: z.number().int(),
  }),
  trials: z.number().int(),
  seed: z.number().int(),
  syncedAt: z.string().nullable(),
});

export const howManyResultSchema = z.object({
  /** Days simulated: startDay through the last day. */
  days: z.number().int(),
  /** The number of items that `confidence`% of trials reach or exceed (50, 70, 85, 95). */
  confidences: z.array(z.object({ confidence: z.number(), items: z.number().int() })),
  /** Every outcome, with its trial count and the share of trials reaching at least it. */
  distribution: z.array(
    z.object({ items: z.number().int(), trials: z.number().int(), probabilityAtLeast: z.number() }),
  ),
});

const itemTarget = z.object({ items: z.number().int(), probability: z.number() }).nullable();

export const howManyResponseSchema = forecastMetaSchema.extend({
  by: day,
  ...howManyResultSchema.shape,
  /** Share of trials finishing at least `target` items. */
  target: itemTarget,
});
export type HowManyResponse = z.infer<typeof howManyResponseSchema>;

export const whenResponseSchema = forecastMetaSchema.extend({
  items: z.number().int(),
  /** Trials that had not finished within the simulation's limit (five years). */
  unfinishedTrials: z.number().int(),
  /** The day by which `confidence`% of trials finished; null when that rank did not finish. */
  confidences: z.array(
    z.object({ confidence: z.number(), days: z.number().int().nullable(), date: day.nullable() }),
  ),
  distribution: z.array(
    z.object({ days: z.number().int(), date: day, trials: z.number().int(), probabilityByThen: z.number() }),
  ),
  /** Share of trials finished on or before `target`. */
  target: z.object({ date: day, probability: z.number() }).nullable(),
});
export type WhenResponse = z.infer<typeof whenResponseSchema>;

export const sprintForecastResponseSchema = forecastMetaSchema.extend({
  sprint: z.object({ id: z.string(), name: z.string(), path: z.string(), startDay: day, finishDay: day }),
  /** Items completed in the sprint up to the basis day. */
  completedSoFar: z.number().int(),
  ...howManyResultSchema.shape,
  /** Share of trials in which the sprint's total (done so far + forecast) reaches `target`. */
  target: itemTarget,
});
export type SprintForecastResponse = z.infer<typeof sprintForecastResponseSchema>;
