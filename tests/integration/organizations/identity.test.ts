import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import { openStorage, type Storage } from '../../../service/src/app/openRepository.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { createSecretBox } from '../../../service/src/security/secretBox.ts';
import type { AzureDevOpsAccessPort } from '../../../service/src/services/access/azureDevOps.ts';
import {
  ConnectError,
  createOrganizationService,
  type OrganizationService,
} from '../../../service/src/services/organizations/service.ts';
import { queryRaw } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

/** Azure DevOps where each PAT belongs to the organization instance named in it (`pat-for:{instance}`). */
const azureDevOps: AzureDevOpsAccessPort = {
  connectionData: async (_url, credential) => ({
    userId: 'admin',
    displayName: 'Admin',
    instanceId: credential.token.replace(/^pat-for:/, ''),
  }),
  hasPermissions: async (_url, _credential, _namespace, _bits, tokens) => tokens.map(() => true),
  project: async () => undefined,
  team: async () => undefined,
  refusedAreas: async () => [],
};
const admin = (instanceId: string) => ({ userId: 'admin', displayName: 'Admin', instanceId });
const connect = (service: OrganizationService, instanceId: string) =>
  service.connect(
    {
      organizationUrl: 'https://dev.azure.com/contoso',
      personalAccessToken: `pat-for:${instanceId}`,
      subscribeToEvents: false,
    },
    admin(instanceId),
  );

describe('an organization is its instance id', () => {
  let directory: ReturnType<typeof temporaryDirectory>;
  let storage: Storage;
  let service: OrganizationService;
  const path = () => `${directory.path}/identity.sqlite`;

  beforeEach(async () => {
    directory = temporaryDirectory('organization-identity');
    storage = await openStorage({ kind: 'sqlite', path: path() });
    service = createOrganizationService({
      organizations: storage.organizations(createSecretBox(randomBytes(32))),
      jobs: storage.jobs,
      streamStatus: storage.streamStatus,
      createConnection: createAdoConnection,
      azureDevOps,
      audit: storage.audit,
      logger: silentLogger,
      defaultTimeZone: 'UTC',
    });
  });

  afterEach(async () => {
    await storage.close();
    directory.remove();
  });

  it('refuses another instance under a connected name, and lets the same instance reconnect', async () => {
    await connect(service, 'instance-a');
    const taken = await connect(service, 'instance-b').catch((error: unknown) => error);
    expect(taken).toBeInstanceOf(ConnectError);
    expect((taken as ConnectError).problem).toBe('organization_name_taken');
    await expect(connect(service, 'instance-a')).resolves.toMatchObject({
      organization: { name: 'contoso' },
    });
    const log = await service.auditLog('contoso');
    expect(log.entries.map((entry) => entry.action)).toEqual([
      'organization.reconnected',
      'organization.connected',
    ]);
  });

  it('purges data kept from another instance before a new one takes the name', async () => {
    await connect(service, 'instance-a');
    await storage.jobs.ensure('contoso', Date.now());
    await service.disconnect('contoso', { userId: 'admin', displayName: 'Admin' });
    await storage.streamStatus.save({
      organization: 'contoso',
      stream: 'kept',
      phase: 'done',
      pages: 1,
      items: 1,
      requests: 1,
      progress: 1,
      startedAt: null,
      updatedAt: Date.now(),
      estimatedSecondsLeft: null,
      rateLimit: null,
      lastError: null,
    });
    await connect(service, 'instance-b');
    expect(
      await queryRaw({ kind: 'sqlite', path: path() }, "SELECT * FROM stream_status WHERE stream = 'kept'"),
    ).toEqual([]);
    // The same instance reconnecting keeps its data.
    await storage.streamStatus.save({
      organization: 'contoso',
      stream: 'mine',
      phase: 'done',
      pages: 1,
      items: 1,
      requests: 1,
      progress: 1,
      startedAt: null,
      updatedAt: Date.now(),
      estimatedSecondsLeft: null,
      rateLimit: null,
      lastError: null,
    });
    await service.disconnect('contoso', { userId: 'admin', displayName: 'Admin' });
    await connect(service, 'instance-b');
    expect(
      await queryRaw(
        { kind: 'sqlite', path: path() },
        "SELECT stream FROM stream_status WHERE stream = 'mine'",
      ),
    ).toHaveLength(1);
  });
});
