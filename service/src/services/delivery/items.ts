/**
 * The drill-down lists of a range: production deployment attempts, the changes they delivered and the
 * incidents created, each joined to its records and linked into Azure DevOps.
 */
import type {
  DeliveryChangeItem,
  DeliveryDeploymentItem,
  DeliveryIncidentItem,
} from '../../contract/index.ts';
import type { ChangeRecord, DeploymentRecord, IncidentRecord } from '../../domain/delivery.ts';
import { dayFromIndex, dayOf } from '../../metrics/calendar.ts';
import type { AttributionVia, DeliveryInput, DeliveryReport } from '../../metrics/delivery/index.ts';
import { targetNameOf } from '../../metrics/delivery/index.ts';
import { leadTimeSampleAnswer } from './details.ts';
import { hoursOf, isoOf } from './figures.ts';
import type { DeliveryLinks } from './links.ts';

export interface ItemContext {
  input: DeliveryInput;
  report: DeliveryReport;
  links: DeliveryLinks;
  timeZone: string;
  /** For a team: how the project-level attribution chose each incident. */
  attributionVia: ReadonlyMap<number, AttributionVia> | undefined;
}

function contractVia(via: AttributionVia): DeliveryIncidentItem['via'] {
  switch (via) {
    case 'artifactLink':
    case 'explicitLink':
    case 'lastBefore':
      return via;
  }
}

/**
 * The records by id, made once per record list (a view's cached input keeps its lists): each page of a
 * list is then its own rows' work, not a pass over a large project's hundreds of thousands of records.
 */
class IdIndex<T> {
  private readonly made = new WeakMap<readonly T[], ReadonlyMap<string, T>>();

  constructor(private readonly id: (record: T) => string) {}

  of(records: readonly T[]): ReadonlyMap<string, T> {
    let index = this.made.get(records);
    if (index === undefined) {
      index = new Map(records.map((record) => [this.id(record), record]));
      this.made.set(records, index);
    }
    return index;
  }
}

const deploymentsById = new IdIndex<DeploymentRecord>((record) => record.id);
const changesById = new IdIndex<ChangeRecord>((change) => change.id);

const nullableIso = (ms: number | null) => (ms === null ? null : isoOf(ms));

function commitUrl(links: DeliveryLinks, record: DeploymentRecord): string | null {
  return record.repository === null || record.sourceVersion === null
    ? null
    : links.commit(record.project, record.repository, record.sourceVersion);
}

/** Rows [start, end) of a drill-down list: only the page asked for is joined and formatted. */
export interface RowRange {
  start: number;
  end: number;
}

export function deploymentItems(context: ItemContext, rows: RowRange): DeliveryDeploymentItem[] {
  const { links, report } = context;
  const records = deploymentsById.of(context.input.deployments);
  return report.deployments.slice(rows.start, rows.end).flatMap((row): DeliveryDeploymentItem[] => {
    const record = records.get(row.id);
    if (record === undefined) return [];
    return [
      {
        id: row.id,
        source: record.source,
        pipelineKey: row.pipelineKey,
        pipelineKind: record.source === 'classicRelease' ? 'release' : 'build',
        pipelineId: record.pipelineId,
        pipelineName: record.pipelineName,
        target: targetNameOf(record),
        attempt: record.attempt,
        outcome: record.outcome,
        rawResult: record.rawResult,
        buildId: record.buildId,
        releaseId: record.releaseId,
        repository: record.repository,
        sourceBranch: record.sourceBranch,
        sourceVersion: record.sourceVersion,
        startedAt: nullableIso(record.startedAt),
        finishedAt: isoOf(row.finishedAt),
        finishedOn: row.day,
        changeIds: [...row.changeIds],
        deliveredChangeIds: [...row.deliveredChangeIds],
        incidentIds: [...row.incidentIds],
        buildUrl: record.buildId === null ? null : links.buildResults(record.project, record.buildId),
        releaseUrl:
          record.releaseId === null ? null : links.releaseProgress(record.project, record.releaseId),
        commitUrl: commitUrl(links, record),
      },
    ];
  });
}

/** Rows of the changes list (the window's lead time samples). */
export function changeCount(context: ItemContext): number {
  const leadTime = context.report.window.leadTimeForChanges;
  return leadTime.status === 'ok' ? leadTime.samples.length : 0;
}

export function changeItems(context: ItemContext, rows: RowRange): DeliveryChangeItem[] {
  const leadTime = context.report.window.leadTimeForChanges;
  if (leadTime.status !== 'ok') return [];
  const { links } = context;
  const changes = changesById.of(context.input.changes);
  const deployments = deploymentsById.of(context.input.deployments);
  return leadTime.samples.slice(rows.start, rows.end).flatMap((sample): DeliveryChangeItem[] => {
    const change = changes.get(sample.changeId);
    if (change === undefined) return [];
    const deployment = deployments.get(sample.deploymentId);
    const pullRequest = change.kind === 'pullRequest' ? change : null;
    // The sample's kind is the change's; its changeId becomes the item's id.
    const { changeId: id, ...timing } = leadTimeSampleAnswer(sample);
    return [
      {
        id,
        repository: change.repository,
        pullRequestId: pullRequest?.pullRequestId ?? null,
        commitSha: change.kind === 'pullRequest' ? change.mergeCommitSha : change.sha,
        targetBranch: change.targetBranch,
        pullRequestCreatedAt: pullRequest === null ? null : isoOf(pullRequest.createdAt),
        mergedAt: pullRequest === null ? null : isoOf(pullRequest.mergedAt),
        ...timing,
        deployedOn: dayFromIndex(sample.deployedDay),
        workItemIds: [...change.workItemIds],
        url: links.change(change),
        deploymentUrl: deployment === undefined ? null : links.deployment(deployment),
        workItemUrls: change.workItemIds.map((workItemId) => links.workItem(change.project, workItemId)),
      },
    ];
  });
}

export function incidentItems(context: ItemContext, rows: RowRange): DeliveryIncidentItem[] {
  const { links, timeZone } = context;
  const incidents = new Map<number, IncidentRecord>(
    context.input.incidents.map((incident) => [incident.workItemId, incident]),
  );
  const deployments = deploymentsById.of(context.input.deployments);
  return context.report.window.incidents
    .slice(rows.start, rows.end)
    .flatMap((attribution): DeliveryIncidentItem[] => {
      const incident = incidents.get(attribution.incidentId);
      if (incident === undefined) return [];
      const attributed = attribution.status === 'attributed';
      const deployment = attributed ? deployments.get(attribution.deploymentId) : undefined;
      const completedAt = incident.completedAt;
      const finishedAt = deployment?.finishedAt ?? null;
      return [
        {
          workItemId: incident.workItemId,
          title: incident.title,
          url: links.workItem(incident.project, incident.workItemId),
          createdAt: isoOf(incident.createdAt),
          createdOn: dayOf(incident.createdAt, timeZone),
          completedAt: nullableIso(completedAt),
          status: attribution.status,
          via: attributed
            ? contractVia(context.attributionVia?.get(incident.workItemId) ?? attribution.via)
            : null,
          reason: attributed ? null : attribution.reason,
          deploymentId: attributed ? attribution.deploymentId : null,
          deploymentUrl: deployment === undefined ? null : links.deployment(deployment),
          recoveryHours:
            completedAt === null || finishedAt === null ? null : hoursOf(completedAt - finishedAt),
          restoreHours: completedAt === null ? null : hoursOf(completedAt - incident.createdAt),
        },
      ];
    });
}
