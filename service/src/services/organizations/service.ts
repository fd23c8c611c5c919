import { randomBytes } from 'node:crypto';
import { AdoAuthenticationError, type AdoConnectionFactory } from '../../ado/clients.ts';
import { createHookSubscriptions, deleteHookSubscriptions } from '../../ado/hookSubscriptions.ts';
import type {
  ConnectOrganizationResponse,
  HookSetup,
  OrganizationSummaryResponse,
  SyncStatusResponse,
} from '../../contract/index.ts';
import type { Logger } from '../../logger.ts';
import type { OrganizationStore, StreamStatusStore, SyncJobQueue } from '../../storage/tenants.ts';
import { NotFoundError } from '../errors.ts';
import { organizationNameFromUrl } from '../organizationDirectory.ts';

export interface ConnectInput {
  organizationUrl: string;
  personalAccessToken: string;
  timeZone?: string | undefined;
  subscribeToEvents: boolean;
}

export interface OrganizationService {
  connect(input: ConnectInput): Promise<ConnectOrganizationResponse>;
  disconnect(name: string): Promise<void>;
  list(): Promise<OrganizationSummaryResponse[]>;
  syncStatus(name: string): Promise<SyncStatusResponse>;
}

/** The PAT was refused while connecting: the caller's input is wrong, not the service. */
export class CredentialsRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialsRefusedError';
  }
}

const HOOK_USERNAME = 'seika';
const iso = (epochMs: number | null): string | null =>
  epochMs === null ? null : new Date(epochMs).toISOString();

export function createOrganizationService(dependencies: {
  organizations: OrganizationStore;
  jobs: SyncJobQueue;
  streamStatus: StreamStatusStore;
  createConnection: AdoConnectionFactory;
  logger: Logger;
  defaultTimeZone: string;
  /** Public base URL Azure DevOps can post service hooks to; without it no subscriptions are made. */
  publicUrl?: string | undefined;
  now?: () => number;
}): OrganizationService {
  const { organizations, jobs, logger } = dependencies;
  const now = dependencies.now ?? Date.now;

  async function subscribe(name: string, url: string, pat: string, hookSecret: string): Promise<HookSetup> {
    if (dependencies.publicUrl === undefined) {
      return {
        status: 'skipped',
        subscriptions: 0,
        message: 'SEIKA_PUBLIC_URL is not set; changes arrive with the periodic sync.',
      };
    }
    try {
      const connection = dependencies.createConnection({ organizationUrl: url, personalAccessToken: pat });
      const created = await createHookSubscriptions(connection, {
        url: `${dependencies.publicUrl.replace(/\/+$/, '')}/hooks/azure-devops/${encodeURIComponent(name)}`,
        username: HOOK_USERNAME,
        password: hookSecret,
      });
      await organizations.saveHookSubscriptions(name, created);
      return {
        status: 'subscribed',
        subscriptions: created.length,
        message: `Subscribed to ${created.length} event types.`,
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.warn('service-hook subscription failed', { organization: name, error: message });
      return {
        status: 'failed',
        subscriptions: 0,
        message: `Could not create service-hook subscriptions (a Project Collection Administrator's PAT is needed): ${message}`,
      };
    }
  }

  return {
    async connect(input) {
      const name = organizationNameFromUrl(input.organizationUrl);
      const url = input.organizationUrl.replace(/\/+$/, '');
      try {
        await dependencies
          .createConnection({ organizationUrl: url, personalAccessToken: input.personalAccessToken })
          .verifyCredentials();
      } catch (error) {
        if (error instanceof AdoAuthenticationError) throw new CredentialsRefusedError(error.message);
        throw error;
      }
      const hookSecret = randomBytes(24).toString('base64url');
      const timeZone = input.timeZone ?? dependencies.defaultTimeZone;
      await organizations.connect({
        name,
        url,
        timeZone,
        personalAccessToken: input.personalAccessToken,
        hookSecret,
      });
      await jobs.request(name, 'all', now());
      const hooks = input.subscribeToEvents
        ? await subscribe(name, url, input.personalAccessToken, hookSecret)
        : { status: 'skipped' as const, subscriptions: 0, message: 'Not requested.' };
      const summary = (await organizations.list()).find((organization) => organization.name === name);
      if (summary === undefined) throw new Error(`Organization ${name} vanished while connecting`);
      logger.info('organization connected', { organization: name, hooks: hooks.status });
      return { organization: summary, hooks };
    },

    async disconnect(name) {
      const credentials = await organizations.credentials(name);
      if (credentials === undefined) throw new NotFoundError(`Organization "${name}" is not connected.`);
      const subscriptions = await organizations.hookSubscriptions(name);
      if (subscriptions.length > 0) {
        const connection = dependencies.createConnection({
          organizationUrl: credentials.url,
          personalAccessToken: credentials.personalAccessToken,
        });
        await deleteHookSubscriptions(
          connection,
          subscriptions.map((subscription) => subscription.id),
        );
      }
      await organizations.forgetHookSubscriptions(name);
      await jobs.remove(credentials.name);
      await organizations.disconnect(name);
      logger.info('organization disconnected', {
        organization: credentials.name,
        subscriptionsRemoved: subscriptions.length,
      });
    },

    list: () => organizations.list(),

    async syncStatus(name) {
      const organization = name.toLowerCase();
      if ((await organizations.list()).every((summary) => summary.name !== organization)) {
        throw new NotFoundError(`Organization "${name}" is not connected.`);
      }
      const [job, streams] = await Promise.all([
        jobs.describe(organization),
        dependencies.streamStatus.list(organization),
      ]);
      return {
        organization,
        job:
          job === undefined
            ? null
            : {
                nextRunAt: new Date(job.dueAt).toISOString(),
                running: job.leaseOwner !== null && (job.leaseExpiresAt ?? 0) > now(),
                lastFinishedAt: iso(job.lastFinishedAt),
                lastError: job.lastError,
              },
        streams: streams.map((status) => ({
          stream: status.stream,
          phase: status.phase,
          pages: status.pages,
          items: status.items,
          requests: status.requests,
          progress: status.progress,
          startedAt: iso(status.startedAt),
          updatedAt: new Date(status.updatedAt).toISOString(),
          estimatedSecondsLeft: status.estimatedSecondsLeft,
          rateLimit:
            status.rateLimit === null
              ? null
              : { ...status.rateLimit, blockedUntil: iso(status.rateLimit.blockedUntil) },
          lastError: status.lastError,
        })),
      };
    },
  };
}
