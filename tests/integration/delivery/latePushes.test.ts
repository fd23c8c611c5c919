/**
 * Incremental delivery sync against the simulator's realistic git history, on both databases: a commit
 * pushed to main days after it was made (a `git pull` merge) is older than the commits watermark when it
 * arrives, so only its push brings it; it is counted in the production deployment that first contains it,
 * with its lead time from its author time. And incidents' own artifact links ("Found in build",
 * "Integrated in release environment") are read for the incidents that changed, and attribute them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { computeDeliveryMetrics } from '../../../service/src/metrics/delivery/index.ts';
import { createDeliveryService } from '../../../service/src/services/delivery/service.ts';
import { staticOrganizationDirectory } from '../../../service/src/services/organizationDirectory.ts';
import { incidentArtifactRelations } from '../../../service/src/simulator/delivery/incidentLinks.ts';
import { pushesOf } from '../../../service/src/simulator/delivery/pushes.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { commitSha } from '../../../service/src/simulator/payloads/common.ts';
import {
  branchesStoredUntil,
  pullRequestsWatermarkSchema,
} from '../../../service/src/sync/normalise/delivery/watermarks.ts';
import { deliveryInputFrom } from '../../../service/src/sync/normalise/delivery/input.ts';
import { syncOrganization } from '../../../service/src/sync/syncOrganization.ts';
import {
  BACKENDS,
  openTestRepository,
  queryRaw,
  type TestRepository,
} from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';
import { byKey, handComputed, measured } from './leadTimeByAncestry.ts';

const START = new Date('2026-06-01T00:00:00Z');
const DAY = 86_400_000;
const DAYS = 14;

interface LateCommit {
  repository: string;
  sha: string;
  authoredAt: number;
  pushedAt: number;
  /** How far the branch was stored by commit time when the sync after its push began. */
  watermarkBefore: number;
}

describe.each(BACKENDS)('incremental delivery sync on %s', (backend) => {
  let simulator: RunningSimulator;
  let directory: ReturnType<typeof temporaryDirectory>;
  let store: TestRepository;
  /** Per sync: when it ran and the commit-time watermark of each branch before it. */
  const runs: { at: number; storedUntil: Map<string, number> }[] = [];
  let afterFirstSync = 0;

  const sync = async () => {
    const watermark = await store.repository.getWatermark(simulator.organization, 'git.changes');
    const storedUntil =
      watermark === undefined
        ? new Map<string, number>()
        : branchesStoredUntil(pullRequestsWatermarkSchema.parse(JSON.parse(watermark)));
    runs.push({ at: simulator.now().getTime(), storedUntil });
    await syncOrganization({
      repository: store.repository,
      delivery: store.storage.delivery,
      createConnection: createAdoConnection,
      logger: silentLogger,
      maxPageSize: 100,
      streams: 'all',
      target: {
        organization: simulator.organization,
        organizationUrl: simulator.organizationUrl,
        personalAccessToken: simulator.pat,
      },
    });
  };

  beforeAll(async () => {
    directory = temporaryDirectory(`late-pushes-${backend}`);
    simulator = await startSimulator({ seed: 29, scale: 'tiny', now: START, gitHistory: 'realistic' });
    store = await openTestRepository(backend, directory.path, 'late');
    await sync();
    afterFirstSync = simulator.requestLog.length;
    for (let day = 0; day < DAYS; day += 1) {
      simulator.advanceClock(DAY);
      await sync();
    }
  }, 300_000);

  afterAll(async () => {
    await store?.dispose();
    await simulator?.close();
    directory?.remove();
  });

  /** Main commits pushed after the first sync whose commit time was already behind the branch's watermark. */
  function lateCommits(): LateCommit[] {
    const { model } = simulator;
    const late: LateCommit[] = [];
    for (const repository of model.delivery.repositories) {
      for (const push of pushesOf(repository)) {
        const after = runs.find((run) => run.at >= push.at);
        if (after === undefined || after === runs[0]) continue;
        const storedUntil = after.storedUntil.get(`${repository.id}:refs/heads/main`);
        if (storedUntil === undefined) continue;
        for (const commit of repository.main.slice(push.start, push.end)) {
          if (commit.commitTime >= storedUntil) continue;
          late.push({
            repository: repository.id,
            sha: commitSha(model, commit),
            authoredAt: commit.authorTime,
            pushedAt: push.at,
            watermarkBefore: storedUntil,
          });
        }
      }
    }
    return late;
  }

  it('a commit pushed days after it was made, behind the commits watermark, is stored from its push', async () => {
    const late = lateCommits();
    expect(late.length).toBeGreaterThan(0);
    for (const commit of late) {
      expect(commit.pushedAt - commit.authoredAt).toBeGreaterThan(DAY);
      const rows = await queryRaw(
        store.target,
        `SELECT c.sha, c.authored_at, r.stream FROM delivery_commits c JOIN raw_pages r ON r.id = c.raw_page_id
         WHERE c.repository_id = '${commit.repository}' AND c.sha = '${commit.sha}'`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ stream: 'git.pushCommits' });
      expect(Number((rows[0] as { authored_at: unknown }).authored_at)).toBe(commit.authoredAt);
    }
  });

  it('is counted in the deployment that first contains it, with its lead time (every sample by ancestry)', async () => {
    const now = simulator.now();
    const expected = handComputed(simulator.model).sort(byKey);
    const actual = (
      await measured(simulator.model, store.storage.delivery, simulator.organization, now)
    ).sort(byKey);
    expect(actual).toEqual(expected);
    const lateIds = new Set(lateCommits().map((commit) => `commit:${commit.repository}:${commit.sha}`));
    const lateSamples = actual.filter((sample) => lateIds.has(sample.changeId));
    expect(lateSamples.length).toBeGreaterThan(0);
  });

  it('asks for a push’s commits only when the push brought more than the listed new head', () => {
    const log = simulator.requestLog.slice(afterFirstSync);
    const commits = log.filter((entry) => /\/repositories\/[^/]+\/commits$/.test(entry.path));
    const figures = {
      days: DAYS,
      pushesToMain: simulator.model.delivery.repositories.flatMap((repository) =>
        pushesOf(repository).filter((push) => push.at > START.getTime()),
      ).length,
      pushLists: log.filter((entry) => entry.path.endsWith('/pushes')).length,
      pushCommits: commits.filter((entry) => entry.query.pushId !== undefined).length,
      branchCommits: commits.filter((entry) => entry.query.pushId === undefined).length,
    };
    console.log(JSON.stringify(figures));
    expect(figures.pushCommits).toBeGreaterThanOrEqual(lateCommits().length > 0 ? 1 : 0);
    expect(figures.pushCommits).toBeLessThan(figures.pushesToMain);
  });

  it('reads incidents’ artifact links and lets them attribute the incident', async () => {
    const { model } = simulator;
    const records = await store.storage.delivery.readDeliveryRecords(simulator.organization);
    expect(records.incidents.length).toBeGreaterThan(0);
    let linked = 0;
    for (const incident of records.incidents) {
      const relations = incidentArtifactRelations(model, incident.workItemId, simulator.now().getTime());
      const expected = relations.map((relation) => {
        const build = /Build\/(\d+)$/.exec(relation.url);
        const release = /:(\d+):\d+$/.exec(relation.url);
        return build?.[1] !== undefined
          ? { kind: 'build', id: Number(build[1]) }
          : { kind: 'release', id: Number(release?.[1]) };
      });
      expect(incident.linkedArtifacts ?? []).toEqual(expected);
      if (expected.length > 0) linked += 1;
    }
    expect(linked).toBeGreaterThan(0);
    expect(linked).toBeLessThan(records.incidents.length + 1);
    const report = computeDeliveryMetrics(deliveryInputFrom(records, { timeZone: 'UTC' }), {
      from: '2025-01-01',
      to: simulator.now().toISOString().slice(0, 10),
      drillDown: false,
    });
    const byArtifact = report.window.incidents.flatMap((attribution) =>
      attribution.status === 'attributed' && attribution.via === 'artifactLink' ? [attribution] : [],
    );
    expect(byArtifact.length).toBe(linked);
    // Each one lands on a successful production deployment of the build or release its link names.
    const deployments = new Map(records.deployments.map((deployment) => [deployment.id, deployment]));
    for (const attribution of byArtifact) {
      const incident = records.incidents.find((candidate) => candidate.workItemId === attribution.incidentId);
      const names = (incident?.linkedArtifacts ?? []).map((artifact) => `${artifact.kind}:${artifact.id}`);
      const record = deployments.get(attribution.deploymentId);
      expect(
        names.includes(`build:${record?.buildId ?? -1}`) ||
          names.includes(`release:${record?.releaseId ?? -1}`),
      ).toBe(true);
    }
    // The incidents drill-down says which link attributed each one.
    const session = await createDeliveryService({
      repository: store.repository,
      delivery: store.storage.delivery,
      organizations: staticOrganizationDirectory([
        { name: simulator.organization, url: simulator.organizationUrl, timeZone: 'UTC' },
      ]),
      settings: store.storage.deliverySettings,
    }).open({ organization: simulator.organization, project: simulator.project });
    const answered = await session.incidents({
      from: '2025-01-01',
      to: simulator.now().toISOString().slice(0, 10),
      limit: 500,
    });
    const viaArtifact = answered.items.filter((item) => item.via === 'artifactLink');
    expect(viaArtifact.length).toBeGreaterThan(0);
    const artifactIds = new Set(byArtifact.map((attribution) => attribution.incidentId));
    expect(viaArtifact.every((item) => artifactIds.has(item.workItemId))).toBe(true);
  });

  it('asks for relations only of incidents that changed: a run with no change asks none', async () => {
    const before = simulator.requestLog.length;
    await sync();
    const asked = simulator.requestLog
      .slice(before)
      .filter((entry) => /\/_apis\/wit\/workitems$/i.test(entry.path));
    expect(asked).toHaveLength(0);
    const stored = await queryRaw(
      store.target,
      `SELECT COUNT(*) AS pages FROM raw_pages WHERE stream = 'wit.incidentRelations'`,
    );
    expect(Number((stored[0] as { pages: unknown }).pages)).toBeGreaterThan(0);
  });
});
