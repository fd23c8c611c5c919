import { z } from 'zod';

/** A one-shot fault for the next matching request(s), for tests that need an exact sequence. */
export const scriptedFaultSchema = z.object({
  kind: z.enum(['status', 'throttle', 'reset', 'truncate', 'slow']),
  status: z.number().int().min(400).max(599).optional(),
  count: z.number().int().min(1).optional(),
  pathPattern: z.string().optional(),
  bytesPerSecond: z.number().positive().optional(),
  retryAfterSeconds: z.number().int().min(0).optional(),
});

/**
 * Faults, seeded so a run is reproducible: each request draws the same number of values from the
 * seeded stream whatever happens to it, so the n-th request always meets the same fate.
 */
export const faultOptionsSchema = z.object({
  seed: z.number().int().optional(),
  latency: z
    .object({ fixedMs: z.number().min(0).optional(), jitterMs: z.number().min(0).optional() })
    .optional(),
  /** Share of requests answered with a 5xx from `errorStatuses` (default 500, 502, 503). */
  errorRate: z.number().min(0).max(1).optional(),
  errorStatuses: z.array(z.number().int().min(500).max(599)).nonempty().optional(),
  /** Bursts of 429 (TF400733 with Retry-After) independent of the TSTU model. */
  throttle: z
    .object({
      rate: z.number().min(0).max(1),
      burst: z.number().int().min(1).optional(),
      retryAfterSeconds: z.number().int().min(0).optional(),
    })
    .optional(),
  /** Share of requests whose connection is destroyed before any answer. */
  resetRate: z.number().min(0).max(1).optional(),
  /** Share of answers cut in the middle of the body (Content-Length promises more). */
  truncateRate: z.number().min(0).max(1).optional(),
  slowBody: z.object({ rate: z.number().min(0).max(1), bytesPerSecond: z.number().positive() }).optional(),
  /** Only requests whose path matches this regular expression meet the random faults. */
  pathPattern: z.string().optional(),
  next: z.array(scriptedFaultSchema).optional(),
});

export type FaultOptions = z.infer<typeof faultOptionsSchema>;
export type ScriptedFault = z.infer<typeof scriptedFaultSchema>;
