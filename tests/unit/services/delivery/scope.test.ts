import { describe, expect, it } from 'vitest';
import type { TeamDeliveryMapping } from '../../../../service/src/contract/index.ts';
import type {
  ChangeRecord,
  DeploymentRecord,
  IncidentRecord,
} from '../../../../service/src/domain/delivery.ts';
import { computeDeliveryMetrics } from '../../../../service/src/metrics/delivery/index.ts';
import { scopedDeliveryInput } from '../../../../service/src/services/delivery/scope.ts';
import type { DeliveryRecords } from '../../../../service/src/storage/delivery/repository.ts';

const DAY = 86_400_000;
const T0 = Date.parse('2026-05-04T00:00:00Z');
const at = (days: number) => T0 + days * DAY;

function deployment(id: string, fields: Partial<DeploymentRecord>): DeploymentRecord {
  return {
    id,
    source: 'environment',
    project: 'P',
    pipelineId: 1,
    pipelineName: 'web',
    environmentName: 'production',
    stageName: 'Deploy',
    buildId: null,
    releaseId: null,
    repository: null,
    sourceBranch: null,
    sourceVersion: null,
    attempt: 1,
    queuedAt: null,
    startedAt: null,
    finishedAt: null,
    outcome: 'succeeded',
    rawResult: 'succeeded',
    provenance: { rawPageId: 1 },
    ...fields,
  };
}

function incident(
  workItemId: number,
  createdDays: number,
  linkedDeploymentId: string | null = null,
): IncidentRecord {
  return {
    workItemId,
    project: 'P',
    title: `incident ${workItemId}`,
    createdAt: at(createdDays),
    completedAt: at(createdDays + 0.5),
    linkedDeploymentId,
    provenance: { rawPageId: 1 },
  };
}

function change(id: string, repository: string): ChangeRecord {
  return {
    kind: 'commit',
    id,
    project: 'P',
    repository,
    targetBranch: 'refs/heads/main',
    firstCommitAuthoredAt: at(0),
    commitShas: [id],
    workItemIds: [],
    provenance: { rawPageId: 1 },
    sha: id,
  };
}

// Team pipeline: YAML definition 1. Another team's: classic release definition 1 (another id space).
const records: DeliveryRecords = {
  deployments: [
    deployment('environment:1', { finishedAt: at(1) }),
    deployment('classicRelease:1', { source: 'classicRelease', releaseId: 9, finishedAt: at(2) }),
    deployment('environment:2', { finishedAt: at(3) }),
    deployment('environment:3', { finishedAt: at(3.5), outcome: 'failed', rawResult: 'failed' }),
    deployment('environment:4', { environmentName: 'dev', finishedAt: at(3.7) }),
  ],
  changes: [change('a', 'Web-Repo'), change('b', 'other-repo')],
  buildCommits: [],
  incidents: [
    incident(10, 0.5), // before any deployment: nobody's
    incident(11, 1.5), // after environment:1 → the team's
    incident(12, 2.5), // after classicRelease:1 → the other team's, though the team deployed before it
    incident(13, 3.8), // after environment:2 (the failed attempt and dev do not count) → the team's
    incident(14, 2.5, 'environment:1'), // named by a link → the team's
    incident(15, 4, 'environment:3'), // names a failed attempt → nobody's
    incident(16, 1.6, 'classicRelease:1'), // named by a link → the other team's
  ],
  bugWorkItemIds: new Set([10, 11, 12, 13, 14, 15, 16]),
};

const mapping: TeamDeliveryMapping = {
  team: 'Web',
  buildDefinitionIds: [1],
  releaseDefinitionIds: [],
  repositories: ['web-repo'],
};
const options = {
  timeZone: 'UTC',
  production: { default: { environmentNamePattern: 'prod', stageNamePattern: 'prod' } },
};

describe('scopedDeliveryInput', () => {
  it('a project measures its records as they are', () => {
    const { input, attributionVia } = scopedDeliveryInput(records, { kind: 'project' }, options);
    expect(input.deployments).toBe(records.deployments);
    expect(input.incidents).toBe(records.incidents);
    expect(attributionVia).toBeUndefined();
  });

  it("a team gets its pipelines' deployments and its repositories' changes (case-insensitive)", () => {
    const { input } = scopedDeliveryInput(records, { kind: 'team', team: 'Web', mapping }, options);
    expect(input.deployments.map((d) => d.id)).toEqual([
      'environment:1',
      'environment:2',
      'environment:3',
      'environment:4',
    ]);
    expect(input.changes.map((c) => c.id)).toEqual(['a']);
    expect(input.bugWorkItemIds).toBe(records.bugWorkItemIds);
  });

  it.each<[number, 'lastBefore' | 'explicitLink' | undefined, string | undefined]>([
    [10, undefined, undefined],
    [11, 'lastBefore', 'environment:1'],
    [12, undefined, undefined],
    [13, 'lastBefore', 'environment:2'],
    [14, 'explicitLink', 'environment:1'],
    [15, undefined, undefined],
    [16, undefined, undefined],
  ])('incident %i is attributed over the whole project first (%s → %s)', (id, via, deploymentId) => {
    const { input, attributionVia } = scopedDeliveryInput(
      records,
      { kind: 'team', team: 'Web', mapping },
      options,
    );
    expect(attributionVia?.get(id)).toBe(via);
    expect(input.incidents.find((i) => i.workItemId === id)?.linkedDeploymentId).toBe(deploymentId);
  });

  it('the engine then charges the team only for its own deployments', () => {
    const { input } = scopedDeliveryInput(records, { kind: 'team', team: 'Web', mapping }, options);
    const report = computeDeliveryMetrics(input, { from: '2026-05-04', to: '2026-05-10' });
    const failure = report.window.changeFailureRate;
    expect(failure.status === 'ok' && failure.failed).toEqual([
      { deploymentId: 'environment:1', incidentIds: [11, 14] },
      { deploymentId: 'environment:2', incidentIds: [13] },
    ]);
    expect(report.window.incidents.map((i) => i.incidentId).sort()).toEqual([11, 13, 14]);
  });

  it('without any production deployment the team has no incidents at all', () => {
    const none = { ...records, deployments: records.deployments.filter((d) => d.environmentName === 'dev') };
    const { input } = scopedDeliveryInput(none, { kind: 'team', team: 'Web', mapping }, options);
    expect(input.incidents).toEqual([]);
  });
});
