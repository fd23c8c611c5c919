/**
 * Lead time for changes by ancestry: the hand computation from the simulator's model (which production
 * deployment first reaches each commit through its parents) and what Seika measures from synced records,
 * in the same shape, for tests that sync the realistic git history.
 */
import type { DeliveryRepository } from '../../../service/src/storage/delivery/repository.ts';
import { computeDeliveryMetrics } from '../../../service/src/metrics/delivery/index.ts';
import type { CommitModel, PullRequestModel } from '../../../service/src/simulator/delivery/model.ts';
import type { OrganizationModel } from '../../../service/src/simulator/model/organization.ts';
import { commitSha } from '../../../service/src/simulator/payloads/common.ts';
import { parentsOf } from '../../../service/src/simulator/payloads/git.ts';
import { deliveryInputFrom } from '../../../service/src/sync/normalise/delivery/input.ts';

export interface Sample {
  changeId: string;
  deploymentId: string;
  leadTimeMs: number;
  /** coding, review, waiting (pull requests) or coding to deployment (commits). */
  parts: number[];
}

/**
 * The hand computation. For each YAML pipeline, its successful production deployments in finish
 * order; each brings the commits newly reachable (by parents) from its build's commit. Its first
 * deployment is left out (there Azure DevOps answers with the build's own changes, not the whole
 * history). A newly reachable commit is either a pull request's merge commit (the pull request is a
 * change, measured from its first own commit, unless every one of its commits is another pull request's
 * merge commit: a promotion), or a direct commit (measured from its author time).
 */
export function handComputed(model: OrganizationModel): Sample[] {
  const { delivery } = model;
  const pullRequestOf = (commit: CommitModel): PullRequestModel | undefined => {
    const pullRequest = delivery.pullRequests[commit.pullRequest - 1];
    const repository = delivery.repositories[commit.repository];
    if (pullRequest === undefined || repository === undefined || pullRequest.status !== 'completed') {
      return undefined;
    }
    const list = pullRequest.targetRefName === undefined ? repository.main : repository.branch;
    return list[pullRequest.mergeCommit] === commit ? pullRequest : undefined;
  };
  const mergeCommits = new Set(
    delivery.pullRequests.flatMap((pullRequest) => {
      const repository = delivery.repositories[pullRequest.repository];
      if (pullRequest.status !== 'completed' || repository === undefined) return [];
      const list = pullRequest.targetRefName === undefined ? repository.main : repository.branch;
      return list[pullRequest.mergeCommit] ?? [];
    }),
  );
  const samples: Sample[] = [];
  delivery.pipelines.forEach((pipeline, pipelineIndex) => {
    if (pipeline.releaseDefinition !== -1) return;
    const repository = delivery.repositories[pipeline.repository];
    if (repository === undefined) return;
    const deployments = delivery.deploymentRecords
      .filter(
        (record) =>
          record.pipeline === pipelineIndex &&
          /prod/i.test(delivery.environments[record.environment]?.name ?? '') &&
          (record.result === 'succeeded' || record.result === 'succeededWithIssues'),
      )
      .sort((a, b) => a.finishTime - b.finishTime || a.id - b.id);
    const reached = new Set<CommitModel>();
    deployments.forEach((record, position) => {
      const build = delivery.builds[record.build - 1];
      if (build === undefined || build.pullRequest !== 0) throw new Error('a production build not of main');
      const start = repository.main[build.sourceCommit];
      const brought: CommitModel[] = [];
      for (const pending = start === undefined ? [] : [start]; pending.length > 0;) {
        const commit = pending.pop();
        if (commit === undefined || reached.has(commit)) continue;
        reached.add(commit);
        brought.push(commit);
        pending.push(...parentsOf(model, commit));
      }
      if (position === 0) return;
      const deployedAt = record.finishTime;
      const deploymentId = `environment:${record.id}`;
      for (const commit of brought) {
        if (mergeCommits.has(commit)) {
          const pullRequest = pullRequestOf(commit);
          if (pullRequest === undefined) throw new Error('a merge commit without its pull request');
          const own = pullRequest.commits.flatMap((index) => repository.branch[index] ?? []);
          if (own.every((c) => mergeCommits.has(c))) continue;
          const first = Math.min(...own.map((c) => c.authorTime));
          samples.push({
            changeId: `pr:${repository.id}:${pullRequest.id}`,
            deploymentId,
            leadTimeMs: deployedAt - first,
            parts: [
              pullRequest.creationDate - first,
              pullRequest.closedDate - pullRequest.creationDate,
              deployedAt - pullRequest.closedDate,
            ],
          });
        } else {
          samples.push({
            changeId: `commit:${repository.id}:${commitSha(model, commit)}`,
            deploymentId,
            leadTimeMs: deployedAt - commit.authorTime,
            parts: [deployedAt - commit.authorTime],
          });
        }
      }
    });
  });
  return samples;
}

/** What Seika answers from the synced records, for the same deployments. */
export async function measured(
  model: OrganizationModel,
  delivery: DeliveryRepository,
  organization: string,
  now: Date,
): Promise<Sample[]> {
  const records = await delivery.readDeliveryRecords(organization);
  const report = computeDeliveryMetrics(deliveryInputFrom(records, { timeZone: 'UTC' }), {
    from: '2025-01-01',
    to: now.toISOString().slice(0, 10),
    drillDown: false,
  });
  const result = report.window.leadTimeForChanges;
  if (result.status !== 'ok') throw new Error(`no lead time: ${result.status}`);
  const firstOfPipeline = new Set<string>();
  const yamlPipelines = new Set(
    model.delivery.pipelines.filter((p) => p.releaseDefinition === -1).map((p) => p.id),
  );
  const seen = new Set<string>();
  const samples: Sample[] = [];
  for (const sample of result.samples) {
    if (!sample.deploymentId.startsWith('environment:')) continue;
    const pipelineId = Number(sample.pipelineKey.split('/').at(-1));
    if (!yamlPipelines.has(pipelineId)) continue;
    if (!seen.has(sample.pipelineKey)) {
      seen.add(sample.pipelineKey);
      firstOfPipeline.add(sample.deploymentId);
    }
    if (firstOfPipeline.has(sample.deploymentId)) continue;
    samples.push({
      changeId: sample.changeId,
      deploymentId: sample.deploymentId,
      leadTimeMs: sample.leadTimeMs,
      parts:
        sample.kind === 'pullRequest'
          ? [sample.codingMs, sample.reviewMs, sample.waitingForDeploymentMs]
          : [sample.codingToDeploymentMs],
    });
  }
  return samples;
}

export const byKey = (a: Sample, b: Sample) =>
  a.deploymentId.localeCompare(b.deploymentId) || a.changeId.localeCompare(b.changeId);
