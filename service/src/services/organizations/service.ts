import { randomBytes } from 'node:crypto';
import type { AdoConnectionFactory } from '../../ado/clients.ts';
import { deleteHookSubscriptions } from '../../ado/hookSubscriptions.ts';
import { subscribeToHooks } from './hookSetup.ts';
import type {
  ConnectOrganizationResponse,
  HookSetup,
  OrganizationSummaryResponse,
  SyncStatusResponse,
} from '../../contract/index.ts';
import type { AuditAction, AuditLogResponse } from '../../contract/access/audit.ts';
import type { Logger } from '../../logger.ts';
import type { AuditLog } from '../../storage/sql/audit/auditStore.ts';
import type { OrganizationStore, StreamStatusStore, SyncJobQueue } from '../../storage/tenants.ts';
import type { AzureDevOpsAccessPort } from '../access/azureDevOps.ts';
import { estimateFirstSync } from '../../sync/firstSyncEstimate.ts';
import { NotFoundError } from '../errors.ts';
import { checkPersonalAccessToken, organizationAddress } from './connectChecks.ts';
import { ConnectError } from './errors.ts';

export { ConnectError, CredentialsRefusedError } from './errors.ts';

export interface ConnectInput {
  organizationUrl: string;
  personalAccessToken: string;
  timeZone?: string | undefined;
  subscribeToEvents: boolean;
}

/** The administrator acting, as Azure DevOps named them (connectionData with their own token). */
export interface Actor {
  userId: string;
  displayName: string;
}

/** The operator (configuration, the demo): trusted, recorded as such in the audit log. */
export const OPERATOR: Actor = { userId: 'operator', displayName: 'Service operator (configuration)' };

export interface OrganizationService {
  /** Connects (or reconnects) the organization the actor was verified to administer (`instanceId`). */
  connect(input: ConnectInput, actor: Actor & { instanceId: string }): Promise<ConnectOrganizationResponse>;
  /** Connects as the operator: the PAT's own organization is the one connected. */
  connectAsOperator(input: ConnectInput): Promise<ConnectOrganizationResponse>;
  /** Drops credentials, hooks and the job; with `deleteData`, every row of the organization too. */
  disconnect(name: string, actor: Actor, options?: { deleteData?: boolean }): Promise<void>;
  /** Only the named organization (the caller's), when connected. */
  list(organization: string): Promise<OrganizationSummaryResponse[]>;
  syncStatus(name: string): Promise<SyncStatusResponse>;
  auditLog(name: string): Promise<AuditLogResponse>;
}

/** What the API shows of an organization. */
function publicSummary(summary: {
  name: string;
  url: string;
  timeZone: string;
  connectedAt: string;
}): OrganizationSummaryResponse {
  return {
    name: summary.name,
    url: summary.url,
    timeZone: summary.timeZone,
    connectedAt: summary.connectedAt,
  };
}
const iso = (epochMs: number | null): string | null =>
  epochMs === null ? null : new Date(epochMs).toISOString();

export function createOrganizationService(dependencies: {
  organizations: OrganizationStore;
  jobs: SyncJobQueue;
  streamStatus: StreamStatusStore;
  createConnection: AdoConnectionFactory;
  azureDevOps: AzureDevOpsAccessPort;
  audit: AuditLog;
  /** Origins besides Azure DevOps' own hosts that organization URLs may use (the simulator, tests). */
  allowedOrigins?: readonly string[];
  logger: Logger;
  defaultTimeZone: string;
  /** When to delete a disconnected organization's data a second time (after any sync lease ends). */
  purgeAgainAfterMs?: number;
  /** Audit entries older than this are pruned when new ones are written. */
  auditRetentionMs?: number;
  /** Public base URL Azure DevOps can post service hooks to; without it no subscriptions are made. */
  publicUrl?: string | undefined;
  now?: () => number;
}): OrganizationService {
  const { organizations, jobs, logger } = dependencies;
  const now = dependencies.now ?? Date.now;

  const subscribe = (name: string, url: string, pat: string, hookSecret: string): Promise<HookSetup> =>
    subscribeToHooks(
      {
        createConnection: dependencies.createConnection,
        organizations,
        logger,
        publicUrl: dependencies.publicUrl,
      },
      { name, url, pat, hookSecret },
    );

  const allowedOrigins = dependencies.allowedOrigins ?? [];
  const retentionMs = dependencies.auditRetentionMs ?? 365 * 86_400_000;

  async function audit(
    organization: string,
    actor: Actor,
    action: AuditAction,
    target: string,
    before: unknown,
    after: unknown,
  ): Promise<number> {
    const at = now();
    await dependencies.audit.prune(at - retentionMs);
    return dependencies.audit.record({
      organization,
      at,
      actor: { id: actor.userId, displayName: actor.displayName },
      action,
      target,
      before,
      after,
    });
  }

  async function store(
    input: ConnectInput,
    address: { name: string; url: string },
    instanceId: string,
    actor: Actor,
  ): Promise<ConnectOrganizationResponse> {
    const { name, url } = address;
    const sameName = (await organizations.list()).find((organization) => organization.name === name);
    const sameInstance = await organizations.findByInstance(instanceId);
    // A name is never taken over by another organization; an organization keeps the name it came with.
    if (
      (sameName !== undefined && sameName.instanceId !== null && sameName.instanceId !== instanceId) ||
      (sameInstance !== undefined && sameInstance.name !== name)
    )
      throw new ConnectError(
        'organization_name_taken',
        `Another organization is connected under the name "${sameName?.name ?? sameInstance?.name ?? name}".`,
        'organizationUrl',
      );
    const previous = await organizations.instanceOf(name);
    if (sameName === undefined && typeof previous === 'string' && previous !== instanceId) {
      // The name once belonged to another organization whose data was kept: it must not mix with this one.
      await organizations.purge(name);
    }
    const hookSecret = randomBytes(24).toString('base64url');
    const timeZone = input.timeZone ?? sameName?.timeZone ?? dependencies.defaultTimeZone;
    await organizations.connect({
      name,
      url,
      instanceId,
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
    await audit(
      name,
      actor,
      sameName === undefined ? 'organization.connected' : 'organization.reconnected',
      name,
      sameName === undefined ? null : { url: sameName.url, timeZone: sameName.timeZone },
      { url, timeZone },
    );
    logger.info('organization connected', { organization: name, hooks: hooks.status });
    return { organization: publicSummary(summary), hooks };
  }

  return {
    async connect(input, actor) {
      const address = organizationAddress(input.organizationUrl, allowedOrigins);
      await checkPersonalAccessToken(
        dependencies.azureDevOps,
        address,
        input.personalAccessToken,
        actor.instanceId,
      );
      return store(input, address, actor.instanceId, actor);
    },

    async connectAsOperator(input) {
      const address = organizationAddress(input.organizationUrl, allowedOrigins);
      const identity = await dependencies.azureDevOps
        .connectionData(address.url, { token: input.personalAccessToken, kind: 'pat' })
        .catch(async (error: unknown) => {
          // The same 4xx answers as an administrator's connect.
          await checkPersonalAccessToken(dependencies.azureDevOps, address, input.personalAccessToken, '');
          throw error;
        });
      await checkPersonalAccessToken(
        dependencies.azureDevOps,
        address,
        input.personalAccessToken,
        identity.instanceId,
      );
      return store(input, address, identity.instanceId, OPERATOR);
    },

    async disconnect(name, actor, options = {}) {
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
        ).catch((error: unknown) =>
          // Disconnecting must not depend on Azure DevOps answering; orphaned hooks just fail there.
          logger.warn('service-hook removal failed', {
            organization: credentials.name,
            error: String(error),
          }),
        );
      }
      await organizations.forgetHookSubscriptions(name);
      await jobs.remove(credentials.name);
      await organizations.disconnect(name);
      const auditId = await audit(
        credentials.name,
        actor,
        'organization.disconnected',
        credentials.name,
        {
          url: credentials.url,
        },
        { dataDeleted: options.deleteData === true },
      );
      if (options.deleteData === true) {
        await organizations.purge(credentials.name, [auditId]);
        // A sync that held the job's lease may still write a page; purge once more after the lease ends.
        const again = setTimeout(() => {
          void (async () => {
            if ((await organizations.instanceOf(credentials.name)) === undefined)
              await organizations.purge(credentials.name, [auditId]);
          })().catch((error: unknown) =>
            logger.error('second purge failed', { organization: credentials.name, error: String(error) }),
          );
        }, dependencies.purgeAgainAfterMs ?? 180_000);
        again.unref();
      }
      logger.info('organization disconnected', {
        organization: credentials.name,
        subscriptionsRemoved: subscriptions.length,
        dataDeleted: options.deleteData === true,
      });
    },

    async list(organization) {
      const wanted = organization.toLowerCase();
      return (await organizations.list()).filter((summary) => summary.name === wanted).map(publicSummary);
    },

    async auditLog(name) {
      const entries = await dependencies.audit.list(name, 500);
      return {
        entries: entries.map((entry) => ({
          at: new Date(entry.at).toISOString(),
          actor: entry.actor,
          action: entry.action,
          target: entry.target,
          before: entry.before ?? null,
          after: entry.after ?? null,
        })),
      };
    },

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
        firstSync: estimateFirstSync(streams, now()),
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
