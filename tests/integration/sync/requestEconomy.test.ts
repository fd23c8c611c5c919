import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import { openStorage, type Storage } from '../../../service/src/app/openRepository.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { ALL_STREAMS } from '../../../service/src/sync/streams.ts';
import { syncOrganization, type SyncReport } from '../../../service/src/sync/syncOrganization.ts';
import type { SyncSettings } from '../../../service/src/sync/syncSettings.ts';

let simulator: RunningSimulator;
let storage: Storage;

beforeAll(async () => {
  // The demo organization, with the simulator's route discovery and rate limits as the real service has.
  simulator = await startSimulator({ seed: 7, scale: 'demo', now: new Date('2026-06-01T00:00:00Z') });
  storage = await openStorage({ kind: 'sqlite', path: ':memory:' });
});

afterAll(async () => {
  await storage.close();
  await simulator.close();
});

function sync(
  options: { now?: () => number; settings?: Partial<SyncSettings>; into?: Storage } = {},
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
      personalAccessToken: simulator.pat,
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
  it('keeps a no-change sync within one request per stream plus 3, besides the library discovery', async () => {
    const first = await sync();
    const firstLog = simulator.requestLog.length;
    const firstKinds = classify(pathsSince(0));
    const unchanged = await sync();
    const secondPaths = pathsSince(firstLog);
    const kinds = classify(secondPaths);
    console.log(
      JSON.stringify({
        first: { total: first.requests, perStream: perStream(first), kinds: firstKinds },
        unchanged: { total: unchanged.requests, perStream: perStream(unchanged), kinds },
      }),
    );
    // Every request the sync counted reached the server.
    expect(secondPaths).toHaveLength(unchanged.requests);
    // Route discovery happens once per area per run, whatever the number of streams or projects.
    const discovery = secondPaths.filter((path) => path.startsWith('OPTIONS'));
    expect(new Set(discovery).size).toBe(discovery.length);
    expect(kinds.projects).toBe(1);
    // The budget: one request per stream plus a fixed overhead of 3, the library's discovery aside.
    expect(unchanged.requests - (kinds.discovery ?? 0)).toBeLessThanOrEqual(ALL_STREAMS.length + 3);
    expect(kinds).toMatchObject({ connectionData: 1, teams: 1, revisions: 1, links: 1, releases: 1 });
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
      'build changes',
    ]) {
      expect(kinds[idle] ?? 0, idle).toBe(0);
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
