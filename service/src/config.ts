import { z } from 'zod';
import { isKnownTimeZone } from './metrics/calendar.ts';

/** Everything the service reads from its environment, validated once at start-up. */
const environmentSchema = z.object({
  SEIKA_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  SEIKA_HOST: z.string().default('127.0.0.1'),
  SEIKA_DATA_DIR: z.string().default('./data'),
  /** PostgreSQL connection string; when set it replaces the SQLite file. */
  DATABASE_URL: z.string().optional(),
  SEIKA_ORGANIZATION_URL: z.url().optional(),
  SEIKA_PAT: z.string().min(1).optional(),
  SEIKA_EXTENSION_SECRET: z.string().min(16).optional(),
  /** 32 random bytes, base64: seals PATs and hook secrets at rest. */
  SEIKA_ENCRYPTION_KEY: z.string().optional(),
  /** The URL Azure DevOps can reach this service at (https), for service-hook subscriptions. */
  SEIKA_PUBLIC_URL: z.url().optional(),
  /** Run the sync worker in this process (several instances may, against one PostgreSQL). */
  SEIKA_WORKER: z.enum(['on', 'off']).default('on'),
  /** How long a claimed sync job stays with an instance without renewal before another may take it. */
  SEIKA_LEASE_SECONDS: z.coerce.number().min(1).default(60),
  SEIKA_WORKER_POLL_MS: z.coerce.number().int().min(10).default(1000),
  /** Page size asked of the reporting revisions API (the service decides when unset). */
  SEIKA_SYNC_PAGE_SIZE: z.coerce.number().int().min(1).optional(),
  SEIKA_TIME_ZONE: z.string().refine(isKnownTimeZone, 'is not an IANA time zone').default('Asia/Tokyo'),
  SEIKA_SYNC_INTERVAL_SECONDS: z.coerce.number().int().min(10).default(300),
  /** Team metadata (and builds-gated delivery streams) are read again at least this often. */
  SEIKA_METADATA_REFRESH_MINUTES: z.coerce.number().int().min(1).default(60),
  /** How far back (from the newest completed pull request) the delivery backfill asks about pull requests. */
  SEIKA_DELIVERY_HORIZON_DAYS: z.coerce.number().int().min(1).default(365),
  SEIKA_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  SEIKA_DEMO_SEED: z.coerce.number().int().default(7),
  /**
   * Origins (scheme://host:port) besides https://dev.azure.com and https://{org}.visualstudio.com that
   * organization URLs may use, comma-separated: a simulator or an on-premises proxy. None by default.
   */
  SEIKA_ALLOWED_ORGANIZATION_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin !== ''),
    )
    .pipe(z.array(z.url().transform((origin) => new URL(origin).origin))),
  /** How long the audit log keeps administrators' changes. */
  SEIKA_AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).default(365),
});

export type ServiceConfig = z.infer<typeof environmentSchema>;

export function readConfig(environment: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Configuration is invalid:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}

/** `serve` and `sync` need a real organization; the error says which variables are missing. */
export function requireOrganization(config: ServiceConfig): { url: string; pat: string } {
  const missing = [
    config.SEIKA_ORGANIZATION_URL === undefined ? 'SEIKA_ORGANIZATION_URL' : undefined,
    config.SEIKA_PAT === undefined ? 'SEIKA_PAT' : undefined,
  ].filter((name) => name !== undefined);
  if (config.SEIKA_ORGANIZATION_URL === undefined || config.SEIKA_PAT === undefined) {
    throw new Error(`Set ${missing.join(' and ')} (for example https://dev.azure.com/your-org and a PAT).`);
  }
  return { url: config.SEIKA_ORGANIZATION_URL, pat: config.SEIKA_PAT };
}
