import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import type { AdoScope } from '../../../service/src/ado/scopes.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { syncOrganization, type SyncReport } from '../../../service/src/sync/syncOrganization.ts';
import { flowSnapshot } from '../../support/flowSnapshot.ts';
import { openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

const WORK_ITEMS: readonly AdoScope[] = ['vso.work', 'vso.project'];
const FLOW_STREAMS = ['work.metadata', 'wit.reporting.revisions', 'wit.reporting.links'];

let simulator: RunningSimulator;
let directory: ReturnType<typeof temporaryDirectory>;
const opened: TestRepository[] = [];
let baseline: Awaited<ReturnType<typeof flowSnapshot>>;

function patWith(scopes: 'full' | readonly string[]): string {
  const owner = simulator.organizations[0];
  if (owner === undefined) throw new Error('the simulator serves no organization');
  return simulator.identities.issueToken({
    userId: owner.ownerId,
    organization: owner.name,
    kind: 'pat',
    scopes,
  });
}

async function syncWith(pat: string, name: string) {
  const test = await openTestRepository('sqlite', directory.path, name);
  opened.push(test);
  const statusStore = test.storage.streamStatus;
  const report: SyncReport = await syncOrganization({
    repository: test.repository,
    delivery: test.storage.delivery,
    createConnection: createAdoConnection,
    logger: silentLogger,
    statusStore,
    target: {
      organization: simulator.organization,
      organizationUrl: simulator.organizationUrl,
      personalAccessToken: pat,
    },
  });
  return { report, statuses: await statusStore.list(simulator.organization), repository: test.repository };
}

beforeAll(async () => {
  directory = temporaryDirectory('scopes');
  simulator = await startSimulator({ seed: 11, scale: 'tiny', now: new Date('2026-06-01T00:00:00Z') });
  const full = await syncWith(simulator.pat, 'baseline');
  baseline = await flowSnapshot(full.repository, simulator.organization, simulator.project);
});

afterAll(async () => {
  for (const test of opened.splice(0)) await test.dispose();
  await simulator.close();
  directory.remove();
});

describe('a PAT with some scopes syncs what it can and says what is missing', () => {
  it.each([
    {
      name: 'work items only',
      scopes: WORK_ITEMS,
      needsScope: {
        'build.builds': 'vso.build',
        'build.deploymentChanges': 'vso.build',
        'distributedtask.environmentDeployments': 'vso.environment_manage',
        'git.changes': 'vso.code',
        'release.deployments': 'vso.release',
      },
    },
    {
      name: 'work items and build',
      scopes: [...WORK_ITEMS, 'vso.build'],
      needsScope: {
        'build.deploymentChanges': 'vso.code',
        'distributedtask.environmentDeployments': 'vso.environment_manage',
        'git.changes': 'vso.code',
        'release.deployments': 'vso.release',
      },
    },
    {
      name: 'every scope Seika reads',
      scopes: [...WORK_ITEMS, 'vso.build', 'vso.code', 'vso.release', 'vso.environment_manage'],
      needsScope: {},
    },
  ])('$name', async ({ scopes, needsScope }) => {
    const { report, statuses, repository } = await syncWith(patWith(scopes), scopes.join('+'));

    const refused = Object.fromEntries(
      report.streams.flatMap((outcome) =>
        outcome.needsScope === undefined ? [] : [[outcome.stream, outcome.needsScope]],
      ),
    );
    expect(refused).toEqual(needsScope);
    expect(report.streams.every((outcome) => outcome.error === null)).toBe(true);
    for (const status of statuses) {
      const expected = (needsScope as Record<string, string>)[status.stream];
      expect(status.phase).toBe(expected === undefined ? 'done' : 'needs_scope');
      if (expected !== undefined) {
        expect(status.problem).toMatchObject({ code: 'needs_scope', params: { scope: expected } });
        expect(status.lastError).toMatch(/^Delivery metrics need .+ \(Read/);
      }
    }
    expect(statuses.map((status) => status.stream)).toEqual(expect.arrayContaining(FLOW_STREAMS));
    // Work-item history is complete whatever delivery scopes are missing.
    expect(await flowSnapshot(repository, simulator.organization, simulator.project)).toEqual(baseline);
  });

  it('stops the organization only when the PAT itself is refused, and leaves no stream collecting', async () => {
    const pat = patWith(WORK_ITEMS);
    simulator.identities.revokeToken(pat);
    const test = await openTestRepository('sqlite', directory.path, 'refused');
    opened.push(test);
    const statusStore = test.storage.streamStatus;
    await expect(
      syncOrganization({
        repository: test.repository,
        delivery: test.storage.delivery,
        createConnection: createAdoConnection,
        logger: silentLogger,
        statusStore,
        target: {
          organization: simulator.organization,
          organizationUrl: simulator.organizationUrl,
          personalAccessToken: pat,
        },
      }),
    ).rejects.toThrow(/refused the credentials/);
    const statuses = await statusStore.list(simulator.organization);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((status) => status.phase === 'failed')).toBe(true);
    expect(statuses.every((status) => status.problem?.code === 'credentials_refused')).toBe(true);
  });
});
