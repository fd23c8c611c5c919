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
import type {
  AttributionVia,
  DeliveryInput,
  DeliveryReport,
  DeploymentDrillDown,
  LeadTimeResult,
  LeadTimeSample,
} from '../../metrics/delivery/index.ts';
import {
  deploymentRecordsBetween,
  deploymentRowsBetween,
  leadTimeSampleRecordsBetween,
  leadTimeSamplesBetween,
  targetNameOf,
} from '../../metrics/delivery/index.ts';
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

/** The records of the page's rows: from the report where it holds them, else by id. */
function deploymentRecordsOf(
  context: ItemContext,
  rows: RowRange,
  page: readonly DeploymentDrillDown[],
): readonly (DeploymentRecord | undefined)[] {
  const held = deploymentRecordsBetween(context.report, rows.start, rows.end);
  if (held !== undefined && held.length === page.length) return held;
  const records = deploymentsById.of(context.input.deployments);
  return page.map((row) => records.get(row.id));
}

export function deploymentItems(context: ItemContext, rows: RowRange): DeliveryDeploymentItem[] {
  const { links, report } = context;
  const page = deploymentRowsBetween(report, rows.start, rows.end);
  const records = deploymentRecordsOf(context, rows, page);
  return page.flatMap((row, index): DeliveryDeploymentItem[] => {
    const record = records[index];
    if (record?.id !== row.id) return [];
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
  return leadTime.status === 'ok' ? leadTime.changes : 0;
}

type LeadTimeOk = Extract<LeadTimeResult, { status: 'ok' }>;

/** The change and deployment records of the page's samples: from the report where it holds them, else by id. */
function sampleRecordsOf(
  context: ItemContext,
  leadTime: LeadTimeOk,
  rows: RowRange,
  page: readonly LeadTimeSample[],
): readonly { change: ChangeRecord | undefined; deployment: DeploymentRecord | undefined }[] {
  const held = leadTimeSampleRecordsBetween(leadTime, rows.start, rows.end);
  if (held !== undefined && held.length === page.length) return held;
  const changes = changesById.of(context.input.changes);
  const deployments = deploymentsById.of(context.input.deployments);
  return page.map((sample) => ({
    change: changes.get(sample.changeId),
    deployment: deployments.get(sample.deploymentId),
  }));
}

export function changeItems(context: ItemContext, rows: RowRange): DeliveryChangeItem[] {
  const leadTime = context.report.window.leadTimeForChanges;
  if (leadTime.status !== 'ok') return [];
  const { links } = context;
  const samples = leadTimeSamplesBetween(leadTime, rows.start, rows.end);
  const records = sampleRecordsOf(context, leadTime, rows, samples);
  return samples.flatMap((sample, index): DeliveryChangeItem[] => {
    const { change, deployment } = records[index] ?? {};
    if (change?.id !== sample.changeId) return [];
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
