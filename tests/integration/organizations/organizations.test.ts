import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  apiErrorSchema,
  connectOrganizationResponseSchema,
  organizationListResponseSchema,
  syncStatusResponseSchema,
} from '../../../service/src/contract/index.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { REVISIONS_STREAM } from '../../../service/src/sync/collect/workItems/reportingRevisions.ts';
import { BACKENDS, openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { eventually, startTestService, type TestService } from '../../support/startTestService.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

describe.each(BACKENDS)('organizations, worker and service hooks on %s', (backend) => {
  let simulator: RunningSimulator;
  let directory: ReturnType<typeof temporaryDirectory>;
  let database: TestRepository;
  let test: TestService;

  beforeEach(async () => {
    directory = temporaryDirectory('organizations');
    simulator = await startSimulator({ seed: 21, scale: 'tiny', now: new Date('2026-06-01T00:00:00Z') });
    database = await openTestRepository(backend, directory.path, 'service');
    await database.storage.close();
    test = await startTestService(database.target, { maxPageSize: 50, simulator });
  });

  afterEach(async () => {
    await test.service.close();
    await simulator.close();
    await database.dispose().catch(() => undefined);
    directory.remove();
  });

  // Without subscriptions: these tests send hooks themselves (serviceHooks.test.ts covers real ones).
  async function connect() {
    const response = await test.api('/organizations', {
      method: 'POST',
      body: {
        organizationUrl: simulator.organizationUrl,
        personalAccessToken: simulator.pat,
        subscribeToEvents: false,
      },
    });
    expect(response.status).toBe(201);
    return connectOrganizationResponseSchema.parse(response.body);
  }

  async function syncStatus() {
    const response = await test.api(`/organizations/${simulator.organization}/sync-status`);
    expect(response.status).toBe(200);
    return syncStatusResponseSchema.parse(response.body);
  }

  it('connects with a working PAT, syncs in the worker and reports progress without ever returning the PAT', async () => {
    const connected = await connect();
    expect(connected.organization.name).toBe(simulator.organization);
    expect(JSON.stringify(connected)).not.toContain(simulator.pat);

    const status = await eventually('the first sync', async () => {
      const current = await syncStatus();
      return current.job?.lastFinishedAt !== null &&
        current.streams.every((stream) => stream.phase === 'done')
        ? current
        : undefined;
    });
    const revisions = status.streams.find((stream) => stream.stream === REVISIONS_STREAM);
    expect(revisions?.pages).toBeGreaterThanOrEqual(2);
    expect(revisions?.progress).toBe(1);
    expect(revisions?.estimatedSecondsLeft).toBe(0);
    expect(revisions?.rateLimit).not.toBeNull();

    const list = organizationListResponseSchema.parse((await test.api('/organizations')).body);
    expect(list.organizations.map((organization) => organization.name)).toEqual([simulator.organization]);
    expect(JSON.stringify(list)).not.toContain(simulator.pat);
    expect(test.logLines.join('\n')).not.toContain(simulator.pat);
  });

  it('refuses a wrong PAT with 422 naming the field, and a malformed body with 400', async () => {
    const refused = await test.api('/organizations', {
      method: 'POST',
      body: { organizationUrl: simulator.organizationUrl, personalAccessToken: 'wrong-pat' },
    });
    expect(refused.status).toBe(422);
    expect(apiErrorSchema.parse(refused.body).error).toMatchObject({
      code: 'credentials_refused',
      parameter: 'personalAccessToken',
    });
    const malformed = await test.api('/organizations', {
      method: 'POST',
      body: { organizationUrl: 'not a url' },
    });
    expect(malformed.status).toBe(400);
    expect(apiErrorSchema.parse(malformed.body).error.parameter).toBe('organizationUrl');
    const unauthenticated = await test.api('/organizations', { token: null });
    expect(unauthenticated.status).toBe(401);
  });

  it('takes an authenticated hook, syncs the affected stream within seconds, and rejects anything else with 401', async () => {
    await connect();
    await eventually('the first sync', async () => (await syncStatus()).job?.lastFinishedAt ?? undefined);
    const before =
      (await syncStatus()).streams.find((stream) => stream.stream === REVISIONS_STREAM)?.items ?? 0;
    const credentials = await test.service.storage
      .organizations(test.secrets)
      .credentials(simulator.organization);
    if (credentials === undefined) throw new Error('not connected');
    const hookUrl = `${test.service.url}/hooks/azure-devops/${simulator.organization}`;
    const event = {
      eventType: 'workitem.updated',
      id: 'evt-1',
      createdDate: simulator.now().toISOString(),
      resource: { workItemId: 1 },
    };

    const wrongCredentials: Record<string, string>[] = [
      {},
      { authorization: `Basic ${Buffer.from('seika:not-the-secret').toString('base64')}` },
      { 'x-seika-hook-secret': 'not-the-secret' },
    ];
    for (const headers of wrongCredentials) {
      const rejected = await fetch(hookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(event),
      });
      expect(rejected.status).toBe(401);
    }
    expect(test.logLines.filter((line) => line.includes('rejected service-hook delivery'))).toHaveLength(3);

    simulator.addActivity({ revisions: 12 });
    const started = Date.now();
    const accepted = await fetch(hookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`seika:${credentials.hookSecret}`).toString('base64')}`,
      },
      body: JSON.stringify(event),
    });
    expect(accepted.status).toBe(202);
    const synced = await eventually('the hook-triggered sync', async () => {
      const stream = (await syncStatus()).streams.find((candidate) => candidate.stream === REVISIONS_STREAM);
      return stream !== undefined && stream.phase === 'done' && stream.items === 12 ? stream : undefined;
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(synced.items).not.toBe(before);
  });
});
