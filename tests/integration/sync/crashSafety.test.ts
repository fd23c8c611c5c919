import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { REVISIONS_STREAM } from '../../../service/src/sync/collect/workItems/reportingRevisions.ts';
import { spawnTypeScript } from '../../support/childProcess.ts';
import { flowSnapshot } from '../../support/flowSnapshot.ts';
import { BACKENDS, openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

const PAGE_SIZE = 20;
const KILLS = 10;

/** mulberry32: reproducible kill points for a given seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe.each(BACKENDS)('a sync killed with SIGKILL at random instants, on %s', (backend) => {
  let simulator: RunningSimulator;
  let directory: ReturnType<typeof temporaryDirectory>;
  const opened: TestRepository[] = [];

  beforeAll(async () => {
    directory = temporaryDirectory('crash');
    simulator = await startSimulator({ seed: 31, scale: 'demo', now: new Date('2026-06-01T00:00:00Z') });
  });

  afterAll(async () => {
    for (const test of opened) await test.dispose();
    await simulator.close();
    directory.remove();
  });

  function runChild(test: TestRepository) {
    return spawnTypeScript('tests/support/syncChild.ts', [], {
      SYNC_STORAGE: JSON.stringify(test.target),
      SYNC_ORGANIZATION_URL: simulator.organizationUrl,
      SYNC_PAT: simulator.pat,
      SYNC_PAGE_SIZE: String(PAGE_SIZE),
    });
  }

  it('resumes after every kill and ends with exactly the data of an uninterrupted run', async () => {
    const reference = await openTestRepository(backend, directory.path, 'reference');
    opened.push(reference);
    await reference.storage.close();
    const started = Date.now();
    const clean = runChild(reference);
    expect((await clean.exited).code, clean.output()).toBe(0);
    const fullRunMs = Date.now() - started;

    const crashed = await openTestRepository(backend, directory.path, 'crashed');
    opened.push(crashed);
    await crashed.storage.close();
    const random = seededRandom(backend === 'sqlite' ? 1 : 2);
    let killedMidway = 0;
    for (let kill = 0; kill < KILLS; kill += 1) {
      const run = runChild(crashed);
      // Within the first 60% of a full run: the reference run's length varies with the machine's load,
      // and a run that completes before its kill leaves later runs little to interrupt.
      await new Promise((resolve) => setTimeout(resolve, random() * 0.6 * fullRunMs));
      const stillRunning = run.child.exitCode === null;
      if (stillRunning) {
        run.child.kill('SIGKILL');
        killedMidway += 1;
      }
      const exit = await run.exited;
      if (!stillRunning) expect(exit.code, run.output()).toBe(0);
    }
    expect(killedMidway).toBeGreaterThanOrEqual(KILLS / 2);
    const final = runChild(crashed);
    expect((await final.exited).code, final.output()).toBe(0);

    const { openRepository } = await import('../../../service/src/app/openRepository.ts');
    const expected = await openRepository(reference.target);
    const actual = await openRepository(crashed.target);
    try {
      const organization = simulator.organization;
      expect(await flowSnapshot(actual, organization, simulator.project)).toEqual(
        await flowSnapshot(expected, organization, simulator.project),
      );
      const [expectedCounts, actualCounts] = [
        await expected.countRows(organization),
        await actual.countRows(organization),
      ];
      expect(actualCounts.revisions).toBe(expectedCounts.revisions);
      expect(actualCounts.transitions).toBe(expectedCounts.transitions);
      expect(actualCounts.workItems).toBe(expectedCounts.workItems);
      expect(await actual.getWatermark(organization, REVISIONS_STREAM)).toBe(
        await expected.getWatermark(organization, REVISIONS_STREAM),
      );
    } finally {
      await expected.close();
      await actual.close();
    }
  }, 240_000);
});
