import { describe, expect, it } from 'vitest';
import { generateOrganization } from '../../../service/src/simulator/generate/organization.ts';
import { buildCommits } from '../../../service/src/simulator/routes/build.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
const world = generateOrganization({ seed: 21, scale: 'demo', now: NOW });
const { delivery } = world.model;

describe('delivery data of the demo organization', () => {
  it('is deterministic, numbers builds in queue order and keeps every time whole milliseconds in the past', () => {
    const again = generateOrganization({ seed: 21, scale: 'demo', now: NOW });
    expect(again.model.delivery).toEqual(delivery);
    delivery.builds.forEach((build, index) => {
      expect(build.id).toBe(index + 1);
      if (index > 0)
        expect(build.queueTime).toBeGreaterThanOrEqual(delivery.builds[index - 1]?.queueTime ?? 0);
      for (const time of [build.queueTime, build.startTime, build.finishTime]) {
        if (Number.isNaN(time)) continue;
        expect(Number.isInteger(time)).toBe(true);
        expect(time).toBeLessThanOrEqual(NOW.getTime());
      }
      if (build.status === 'completed') {
        expect(build.result).toBeDefined();
        expect(build.finishTime).toBeGreaterThanOrEqual(build.startTime);
        expect(build.stages.every((stage) => stage.state === 'completed')).toBe(true);
      } else expect(build.result).toBeUndefined();
    });
  });

  it('deploys only main-line runs, in stage order, with a record per attempt', () => {
    for (const build of delivery.builds) {
      if (build.pullRequest !== 0)
        expect(build.stages.slice(1).every((stage) => stage.result === 'skipped')).toBe(true);
      build.stages.forEach((stage, index) => {
        const previous = build.stages[index - 1];
        if (index > 1 && stage.startTime > 0)
          expect(previous?.result === 'succeeded' || previous?.result === 'succeededWithIssues').toBe(true);
      });
    }
    for (const record of delivery.deploymentRecords) {
      const build = delivery.builds[record.build - 1];
      expect(build?.pullRequest).toBe(0);
      expect(build?.stages[record.stageIndex]?.attempt).toBeGreaterThanOrEqual(record.stageAttempt);
      expect(record.startTime).toBeGreaterThanOrEqual(record.queueTime);
      if (record.result !== undefined) expect(record.finishTime).toBeGreaterThan(record.startTime);
    }
    const production = delivery.deploymentRecords.filter(
      (record) => delivery.environments[record.environment]?.name === 'production',
    );
    expect(production.length).toBeGreaterThan(50);
    expect(production.some((record) => record.stageAttempt === 2)).toBe(true);
  });

  it('merges completed pull requests as one squash commit on main, built by the next main-line run', () => {
    for (const pullRequest of delivery.pullRequests) {
      const repository = delivery.repositories[pullRequest.repository];
      expect(pullRequest.commits.length).toBeGreaterThan(0);
      if (pullRequest.status === 'completed') {
        const merge = repository?.main[pullRequest.mergeCommit];
        expect(merge?.pullRequest).toBe(pullRequest.id);
        expect(merge?.commitTime).toBe(pullRequest.closedDate);
        for (const index of pullRequest.commits)
          expect(repository?.branch[index]?.authorTime).toBeLessThanOrEqual(pullRequest.closedDate);
      } else expect(pullRequest.mergeCommit).toBe(-1);
    }
    for (const repository of delivery.repositories) {
      const builds = delivery.builds.filter(
        (build) => build.repository === repository.index && build.pullRequest === 0,
      );
      const covered = builds.flatMap((build) =>
        buildCommits(world.model, build).map((commit) => commit.sequence),
      );
      expect(new Set(covered).size).toBe(covered.length);
      const lastBuilt = Math.max(...builds.map((build) => build.sourceCommit));
      expect(covered.filter((sequence) => sequence <= lastBuilt).length).toBe(lastBuilt + 1);
    }
  });

  it('files incidents after production deployments and resolves them when a hotfix reaches production', () => {
    expect(delivery.incidents.length).toBeGreaterThan(3);
    const store = world.model.workItems;
    const finishOf = (cause: (typeof delivery.incidents)[number]['cause']): number =>
      cause.kind === 'environment'
        ? (delivery.deploymentRecords[cause.id - 1]?.finishTime ?? Infinity)
        : (delivery.releaseDeployments[cause.id - 1]?.completedOn ?? Infinity);
    for (const incident of delivery.incidents) {
      expect(incident.createdOn).toBeGreaterThan(finishOf(incident.cause));
      const first = store.firstIndex(incident.workItemId);
      expect(store.changed.get(first)).toBe(incident.createdOn);
      expect(store.strings.get(store.types.get(first))).toBe('Bug');
    }
    const hotfixes = delivery.pullRequests.filter((pullRequest) => pullRequest.hotfixFor !== 0);
    expect(hotfixes.length).toBeGreaterThan(0);
    const closed = delivery.incidents.filter(
      (incident) => store.strings.get(store.states.get(store.latestIndex(incident.workItemId))) === 'Closed',
    );
    expect(closed.length).toBeGreaterThan(delivery.incidents.length / 2);
  });

  it('runs PR validation, CI, scheduled and manual builds with classic releases for the platform', () => {
    const reasons = new Set(delivery.builds.map((build) => build.reason));
    expect([...reasons].sort()).toEqual(['individualCI', 'manual', 'pullRequest', 'schedule']);
    expect(delivery.releases.length).toBeGreaterThan(20);
    const statuses = new Set(delivery.releaseDeployments.map((deployment) => deployment.deploymentStatus));
    expect(statuses.has('succeeded') && statuses.has('failed')).toBe(true);
    for (const deployment of delivery.releaseDeployments) {
      const release = delivery.releases[deployment.release - 1];
      expect(delivery.builds[(release?.build ?? 0) - 1]?.result).toMatch(/succeeded|partiallySucceeded/);
    }
  });
});
