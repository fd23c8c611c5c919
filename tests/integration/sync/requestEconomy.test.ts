import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import { openStorage, type Storage } from '../../../service/src/app/openRepository.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { syncOrganization, type SyncReport } from '../../../service/src/sync/syncOrganization.ts';

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

function sync(): Promise<SyncReport> {
  return syncOrganization({
    repository: storage.repository,
    delivery: storage.delivery,
    createConnection: createAdoConnection,
    logger: silentLogger,
    target: {
      organization: simulator.organization,
      organizationUrl: simulator.organizationUrl,
      personalAccessToken: simulator.pat,
    },
  });
}

const perStream = (report: SyncReport) =>
  Object.fromEntries(report.streams.map((stream) => [stream.stream, stream.requests ?? 0]));

describe('request economy against the simulator', () => {
  it('counts the requests of a first and a no-change sync per stream', async () => {
    const first = await sync();
    const firstLog = simulator.requestLog.length;
    const unchanged = await sync();
    const secondLog = simulator.requestLog.slice(firstLog);
    console.log(
      JSON.stringify({
        first: { total: first.requests, perStream: perStream(first) },
        unchanged: { total: unchanged.requests, perStream: perStream(unchanged) },
        unchangedPaths: secondLog.map((entry) => `${entry.method} ${entry.path}`),
      }),
    );
    // Every request the sync counted reached the server, and no stream's count is lost.
    expect(secondLog).toHaveLength(unchanged.requests);
    const attributed = Object.values(perStream(unchanged)).reduce((sum, count) => sum + count, 0);
    expect(unchanged.requests - attributed).toBeLessThanOrEqual(3);
    // Route discovery happens once per area per run, whatever the number of streams or projects.
    const discovery = secondLog.filter((entry) => entry.method === 'OPTIONS').map((entry) => entry.path);
    expect(new Set(discovery).size).toBe(discovery.length);
    const projectLists = secondLog.filter((entry) => /\/_apis\/projects$/i.test(entry.path));
    expect(projectLists).toHaveLength(1);
    expect(perStream(unchanged)['wit.reporting.revisions']).toBeLessThanOrEqual(3);
  });
});
