import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetAllClientSets } from '../../../service/src/ado/clientSets.ts';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import { openStorage, type Storage } from '../../../service/src/app/openRepository.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { REVISIONS_STREAM } from '../../../service/src/sync/collect/workItems/reportingRevisions.ts';
import { ALL_STREAMS } from '../../../service/src/sync/streams.ts';
import { syncOrganization, type SyncReport } from '../../../service/src/sync/syncOrganization.ts';
import type { SyncSettings } from '../../../service/src/sync/syncSettings.ts';

let simulator: RunningSimulator;
let storage: Storage;

beforeAll(async () => {
  // The demo organization, with the simulator's route discovery and rate limits as the real service has.
  simulator = await startSimulator({ seed: 7, scale: 'demo', now: new Date('2026-06-01T00:00:00Z') });
  storage = await openStorage({ kind: 'sqlite', path: ':memory:' });
  // A process that has never talked to this organization.
  forgetAllClientSets();
});

afterAll(async () => {
  await storage.close();
  await simulator.close();
});

function sync(
  options: { now?: () => number; settings?: Partial<SyncSettings>; into?: Storage; pat?: string } = {},
): Promise<SyncReport> {
  const into = options.into ?? storage;
  return syncOrganization({
    repository: into.repository,
    delivery: into.delivery,
    createConnection: createAdoConnection,
    logger: silentLogger,
    target: {
      organization: simulator.organization,
      organizationUrl: simulator.organizationUrl,
      personalAccessToken: options.pat ?? simulator.pat,
    },
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.settings === undefined ? {} : { settings: options.settings }),
  });
}

const perStream = (report: SyncReport) =>
  Object.fromEntries(report.streams.map((stream) => [stream.stream, stream.requests ?? 0]));

/** What each request of a run asked, by path (discovery is the client library's, once per area). */
function classify(paths: readonly string[]): Record<string, number> {
  const kinds: [string, RegExp][] = [
    ['discovery', /^OPTIONS |\/_apis\/ResourceAreas$/i],
    ['connectionData', /\/_apis\/connectionData$/i],
    ['projects', /\/_apis\/projects$/i],
    ['teams', /\/_apis\/teams$/i],
    ['work metadata', /\/_apis\/work\/|\/_apis\/wit\/workitemtypes\//i],
    ['revisions', /\/wit\/reporting\/workItemRevisions$/i],
    ['incident relations', /\/_apis\/wit\/workitems$/i],
    ['pushes', /\/repositories\/[^/]+\/pushes$/i],
    ['links', /\/wit\/reporting\/workItemLinks$/i],
    ['builds', /\/_apis\/build\/builds$/i],
    ['build changes', /\/_apis\/build\/.*changes$/i],
    ['environments', /\/distributedtask\/environments$/i],
    ['environment records', /\/environmentdeploymentrecords$/i],
    ['releases', /\/release\/deployments$/i],
    ['pull request list', /\/_apis\/git\/pullrequests$/i],
    ['pull request details', /\/pullrequests\/\d+$/i],
    ['pull request commits', /\/pullRequests\/\d+\/commits$/i],
    ['repositories', /\/_apis\/git\/repositories$/i],
    ['branch commits', /\/repositories\/[^/]+\/commits$/i],
  ];
  const counts: Record<string, number> = {};
  for (const path of paths) {
    const kind = kinds.find(([, pattern]) => pattern.test(path))?.[0] ?? `other: ${path}`;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

const pathsSince = (start: number) =>
  simulator.requestLog.slice(start).map((entry) => `${entry.method} ${entry.path}`);

describe('request economy against the simulator', () => {
  it('keeps a no-change sync within one request per stream plus 3, discovery included', async () => {
    const first = await sync();
    const firstLog = simulator.requestLog.length;
    const firstKinds = classify(pathsSince(0));
    const unchanged = await sync();
    const secondPaths = pathsSince(firstLog);
    const kinds = classify(secondPaths);
    // A new process (a restarted service) discovers the routes again, once.
    forgetAllClientSets();
    const freshLog = simulator.requestLog.length;
    const fresh = await sync();
    const freshPaths = pathsSince(freshLog);
    const freshKinds = classify(freshPaths);
    console.log(
      JSON.stringify({
        first: { total: first.requests, perStream: perStream(first), kinds: firstKinds },
        unchanged: { total: unchanged.requests, perStream: perStream(unchanged), kinds },
        unchangedNewProcess: { total: fresh.requests, perStream: perStream(fresh), kinds: freshKinds },
      }),
    );
    // Every request the sync counted reached the server.
    expect(secondPaths).toHaveLength(unchanged.requests);
    expect(freshPaths).toHaveLength(fresh.requests);
    // Credentials are checked only when an answer needs explaining: never in a run that went well.
    for (const run of [firstKinds, kinds, freshKinds]) expect(run.connectionData ?? 0).toBe(0);
    // Later runs of a process reuse the discovered routes; the first discovers each area once.
    expect(kinds.discovery ?? 0).toBe(0);
    expect(firstKinds.discovery).toBeGreaterThan(0);
    const discovery = freshPaths.filter((path) => path.startsWith('OPTIONS'));
    expect(new Set(discovery).size).toBe(discovery.length);
    expect(freshKinds.discovery ?? 0).toBeLessThanOrEqual(3);
    expect(kinds.projects).toBe(1);
    expect(freshKinds.projects).toBe(1);
    // The budget: one request per stream plus a fixed overhead of 3 (here: the project list alone);
    // the first run of a process adds the library's route discovery.
    expect(unchanged.requests).toBeLessThanOrEqual(ALL_STREAMS.length + 3);
    expect(fresh.requests - (freshKinds.discovery ?? 0)).toBeLessThanOrEqual(ALL_STREAMS.length + 3);
    expect(kinds).toMatchObject({ teams: 1, revisions: 1, links: 1, releases: 1 });
    expect(kinds['pull request list']).toBe(1);
    // The builds list, and the question about the runs still pending when there are any.
    expect(kinds.builds ?? 0).toBeLessThanOrEqual(2);
    for (const idle of [
      'work metadata',
      'environments',
      'environment records',
      'pull request details',
      'pull request commits',
      'repositories',
      'branch commits',
      'pushes',
      'incident relations',
      'build changes',
    ]) {
      expect(kinds[idle] ?? 0, idle).toBe(0);
      expect(freshKinds[idle] ?? 0, idle).toBe(0);
    }
  });

  it('still tells a missing scope from a refused PAT, with one connectionData question', async () => {
    const owner = simulator.organizations[0];
    if (owner === undefined) throw new Error('the simulator serves no organization');
    const issue = (scopes: string[]) =>
      simulator.identities.issueToken({
        userId: owner.ownerId,
        organization: owner.name,
        kind: 'pat',
        scopes,
      });
    // A new credential gets new clients: nothing learnt with the full PAT is reused for it.
    const narrow = await openStorage({ kind: 'sqlite', path: ':memory:' });
    try {
      const start = simulator.requestLog.length;
      const report = await sync({ into: narrow, pat: issue(['vso.work', 'vso.project']) });
      const kinds = classify(pathsSince(start));
      expect(kinds.connectionData).toBe(1);
      expect(report.streams.find((stream) => stream.stream === 'build.builds')?.needsScope).toBe('vso.build');
      expect(report.streams.find((stream) => stream.stream === REVISIONS_STREAM)?.error).toBeNull();

      const revoked = issue(['vso.work', 'vso.project']);
      simulator.identities.revokeToken(revoked);
      const refusedStart = simulator.requestLog.length;
      await expect(sync({ into: narrow, pat: revoked })).rejects.toThrow(/refused the credentials/);
      expect(classify(pathsSince(refusedStart)).connectionData ?? 0).toBeLessThanOrEqual(1);
    } finally {
      await narrow.close();
    }
  });

  it('reads team metadata again once the refresh interval has passed', async () => {
    const start = simulator.requestLog.length;
    const report = await sync({ now: () => Date.now() + 61 * 60_000 });
    const kinds = classify(pathsSince(start));
    expect(kinds['work metadata'] ?? 0).toBeGreaterThan(0);
    expect(report.streams.find((stream) => stream.stream === 'work.metadata')?.pages).toBeGreaterThan(0);
  });

  it('reads environments and branch commits again when a pipeline run moved the builds', async () => {
    await sync();
    simulator.advanceClock(3 * 86_400_000);
    const start = simulator.requestLog.length;
    await sync();
    const kinds = classify(pathsSince(start));
    expect(kinds['environment records'] ?? 0).toBeGreaterThan(0);
    expect(kinds['branch commits'] ?? 0).toBeGreaterThan(0);
  });

  it('asks about the pull requests of the delivery horizon only', async () => {
    const narrow = await openStorage({ kind: 'sqlite', path: ':memory:' });
    try {
      const start = simulator.requestLog.length;
      await sync({ into: narrow, settings: { deliveryHorizonDays: 30 } });
      const kinds = classify(pathsSince(start));
      const details = kinds['pull request details'] ?? 0;
      const { pullRequests } = await narrow.delivery.countDeliveryRows(simulator.organization);
      console.log(JSON.stringify({ horizon30: { kinds, pullRequests } }));
      expect(details).toBeGreaterThan(0);
      // The first sync above asked about every pull request of the 182-day demo; 30 days is far fewer.
      expect(details).toBeLessThan(pullRequests);
    } finally {
      await narrow.close();
    }
  });
});
