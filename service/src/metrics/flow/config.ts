/**
 * A team's flow-metric settings with their defaults. Settings come from storage, so they are parsed
 * with zod: `parseTeamFlowConfig({})` is the default configuration.
 */
import { z } from 'zod';
import { isKnownTimeZone } from '../calendar.ts';
import { DEFAULT_PERCENTILES } from '../percentiles.ts';

/** The demo's zone (metric definitions § Calendar); an organisation's default replaces it. */
export const DEFAULT_TIME_ZONE = 'Asia/Tokyo';

const boundarySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('category') }),
  z.object({ kind: z.literal('state'), states: z.array(z.string().min(1)).min(1) }),
  z.object({ kind: z.literal('boardColumn'), column: z.string().min(1) }),
]);

export const teamFlowConfigSchema = z.object({
  timeZone: z.string().refine(isKnownTimeZone, 'is not an IANA time zone').default(DEFAULT_TIME_ZONE),
  /** Commitment point; by default the first entry into InProgress or Resolved. */
  startPoint: boundarySchema.default({ kind: 'category' }),
  /** Delivery point; by default the last entry into Completed. */
  endPoint: boundarySchema.default({ kind: 'category' }),
  /** States counted as waiting by flow efficiency. */
  waitingStates: z.array(z.string()).default([]),
  /** Types measured; null means the team's backlog types. */
  workItemTypes: z.array(z.string()).nullable().default(null),
  /** Days of completed items behind aging percentiles and SLEs. */
  lookbackDays: z.number().int().min(1).max(3650).default(90),
  percentiles: z
    .array(z.number().min(0).max(100))
    .min(1)
    .default([...DEFAULT_PERCENTILES]),
  /** 0 = Sunday … 6 = Saturday. */
  weekStartsOn: z.number().int().min(0).max(6).default(1),
  forecast: z
    .object({
      /** Days of throughput history sampled (zero days included). */
      historyDays: z.number().int().min(1).max(3650).default(30),
      trials: z.number().int().min(1).max(1_000_000).default(10_000),
    })
    .default({ historyDays: 30, trials: 10_000 }),
});

export type TeamFlowConfig = z.infer<typeof teamFlowConfigSchema>;

export function parseTeamFlowConfig(value: unknown): TeamFlowConfig {
  return teamFlowConfigSchema.parse(value);
}

export const DEFAULT_TEAM_FLOW_CONFIG: TeamFlowConfig = parseTeamFlowConfig({});
