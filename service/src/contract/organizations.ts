import { z } from 'zod';
import { firstSyncEstimateSchema, syncProblemSchema } from './syncStatus.ts';
import { timeZoneSchema } from './timeZone.ts';

export const connectOrganizationRequestSchema = z.object({
  organizationUrl: z.url({ message: 'must be the organization URL, e.g. https://dev.azure.com/your-org' }),
  personalAccessToken: z.string().min(1, 'is required'),
  timeZone: timeZoneSchema.optional(),
  /** Create service-hook subscriptions so changes are pulled within seconds (needs an administrator's PAT). */
  subscribeToEvents: z.boolean().default(true),
});
export type ConnectOrganizationRequest = z.input<typeof connectOrganizationRequestSchema>;

export const hookSetupSchema = z.object({
  status: z.enum(['subscribed', 'skipped', 'failed']),
  subscriptions: z.number().int(),
  message: z.string(),
});
export type HookSetup = z.infer<typeof hookSetupSchema>;

/** Never carries a credential. */
export const organizationSummarySchema = z.object({
  name: z.string(),
  url: z.string(),
  timeZone: z.string(),
  connectedAt: z.string(),
});
export type OrganizationSummaryResponse = z.infer<typeof organizationSummarySchema>;

export const connectOrganizationResponseSchema = z.object({
  organization: organizationSummarySchema,
  hooks: hookSetupSchema,
});
export type ConnectOrganizationResponse = z.infer<typeof connectOrganizationResponseSchema>;

export const organizationListResponseSchema = z.object({ organizations: z.array(organizationSummarySchema) });
export type OrganizationListResponse = z.infer<typeof organizationListResponseSchema>;

export const streamStatusSchema = z.object({
  stream: z.string(),
  phase: z.enum(['queued', 'collecting', 'done', 'failed', 'needs_scope']),
  pages: z.number().int(),
  items: z.number().int(),
  requests: z.number().int(),
  /** 0..1, estimated from the time span covered; null when unknown. */
  progress: z.number().nullable(),
  startedAt: z.string().nullable(),
  updatedAt: z.string(),
  estimatedSecondsLeft: z.number().nullable(),
  rateLimit: z
    .object({
      remaining: z.number().nullable(),
      limit: z.number().nullable(),
      blockedUntil: z.string().nullable(),
      throttledResponses: z.number().int(),
      /** Seconds this run waited to stay within the organization's budget (pacing and Retry-After). */
      pacedSeconds: z.number(),
      /** While requests wait for the budget right now: when they start again (ISO time). */
      resumesAt: z.string().nullable().optional(),
    })
    .nullable(),
  lastError: z.string().nullable(),
  /** Why the stream is not syncing normally, as a code with parameters (see syncStatus.ts). */
  problem: syncProblemSchema.nullable().optional(),
  /** When the stream last ended a run successfully (ISO time). */
  lastSucceededAt: z.string().nullable().optional(),
});
export type StreamStatusResponse = z.infer<typeof streamStatusSchema>;

export const syncStatusResponseSchema = z.object({
  organization: z.string(),
  job: z
    .object({
      nextRunAt: z.string(),
      running: z.boolean(),
      lastFinishedAt: z.string().nullable(),
      lastError: z.string().nullable(),
    })
    .nullable(),
  /** The first sync of every stream not yet synced once, with its ETA (see syncStatus.ts). */
  firstSync: firstSyncEstimateSchema.nullable().optional(),
  streams: z.array(streamStatusSchema),
});
export type SyncStatusResponse = z.infer<typeof syncStatusResponseSchema>;
