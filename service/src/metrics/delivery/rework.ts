import type { ChangeRecord } from '../../domain/delivery.ts';
import { asBuildChangeTable, type BuildChangeTable, type ChangesByBuild } from './buildChanges.ts';
import type { NoDeployments, ProductionDeployment, ReworkEvidence } from './model.ts';
import { ScratchSpace } from './scratch.ts';

export interface ReworkDeployment {
  deploymentId: string;
  evidence: readonly ReworkEvidence[];
}

export type ReworkRateResult =
  | NoDeployments
  /** No successful deployment of the period has a linked change, so rework cannot be judged. */
  | { status: 'noChanges'; successfulDeployments: number }
  | {
      status: 'ok';
      /** Fraction, 0..1. */
      rate: number;
      reworkDeployments: number;
      successfulDeployments: number;
      deployments: readonly ReworkDeployment[];
    };

/** The work item links that make these changes rework. An incident that is also a Bug counts as an incident. */
export function reworkEvidenceOf(
  changes: readonly ChangeRecord[],
  incidentIds: ReadonlySet<number>,
  bugIds: ReadonlySet<number>,
): ReworkEvidence[] {
  const evidence: ReworkEvidence[] = [];
  for (const change of changes) {
    for (const workItemId of change.workItemIds) {
      if (incidentIds.has(workItemId))
        evidence.push({ changeId: change.id, workItemId, linkedTo: 'incident' });
      else if (bugIds.has(workItemId)) evidence.push({ changeId: change.id, workItemId, linkedTo: 'bug' });
    }
  }
  return evidence;
}

const NOT_REWORK = 0;
const BUG = 1;
const INCIDENT = 2;

/** Dense ids up to this many table entries get a byte table (16 MB at most). */
const MAX_TABLE = 1 << 24;

/**
 * What a work item is to the rework rate: an incident (which wins over Bug), a Bug, or neither.
 * Work item ids are dense integers, so a byte table by id replaces two hash lookups per link; ids
 * that do not fit it (negative, fractional) fall back to the sets.
 */
class WorkItemKinds {
  private readonly table: Uint8Array | undefined;

  constructor(
    private readonly incidentIds: ReadonlySet<number>,
    private readonly bugIds: ReadonlySet<number>,
  ) {
    let max = -1;
    let fits = true;
    const measure = (id: number) => {
      if (!Number.isInteger(id) || id < 0) fits = false;
      else if (id > max) max = id;
    };
    incidentIds.forEach(measure);
    bugIds.forEach(measure);
    if (!fits || max >= MAX_TABLE) return;
    const table = KINDS.uint8(max + 1);
    bugIds.forEach((id) => (table[id] = BUG));
    incidentIds.forEach((id) => (table[id] = INCIDENT));
    this.table = table;
  }

  kindOf(id: number): number {
    const { table } = this;
    if (table !== undefined && Number.isInteger(id) && id >= 0) return table[id] ?? NOT_REWORK;
    return this.incidentIds.has(id) ? INCIDENT : this.bugIds.has(id) ? BUG : NOT_REWORK;
  }
}

/** The byte table of WorkItemKinds, reused from call to call (see scratch.ts). */
const KINDS = new ScratchSpace();

/** reworkEvidenceOf the changes table.changeIndices[from … to - 1], in an exactly sized array. */
function evidenceOfRange(
  table: BuildChangeTable,
  from: number,
  to: number,
  kinds: WorkItemKinds,
): ReworkEvidence[] {
  let count = 0;
  for (let at = from; at < to; at++) {
    const ids = table.changes[table.changeIndices[at] ?? -1]?.workItemIds ?? [];
    for (let i = 0; i < ids.length; i++) if (kinds.kindOf(ids[i] ?? 0) !== NOT_REWORK) count++;
  }
  const evidence = new Array<ReworkEvidence>(count);
  let n = 0;
  for (let at = from; at < to; at++) {
    const change = table.changes[table.changeIndices[at] ?? -1];
    if (change === undefined) continue;
    const ids = change.workItemIds;
    for (let i = 0; i < ids.length; i++) {
      const workItemId = ids[i] ?? 0;
      const kind = kinds.kindOf(workItemId);
      if (kind === INCIDENT) evidence[n++] = { changeId: change.id, workItemId, linkedTo: 'incident' };
      else if (kind === BUG) evidence[n++] = { changeId: change.id, workItemId, linkedTo: 'bug' };
    }
  }
  return evidence;
}

/**
 * Rework evidence by BuildChangeTable build number (undefined where there is none), computed once:
 * a build can be deployed many times, and a change can be in several builds.
 */
export function reworkEvidenceOfBuilds(
  table: BuildChangeTable,
  incidentIds: ReadonlySet<number>,
  bugIds: ReadonlySet<number>,
): (ReworkEvidence[] | undefined)[] {
  const { changes, offsets, changeIndices } = table;
  const kinds = new WorkItemKinds(incidentIds, bugIds);
  // Per change: 0 not judged yet, 1 no rework link, 2 a rework link.
  const verdict = VERDICTS.uint8(changes.length);
  const isRework = (index: number): boolean => {
    let known = verdict[index] ?? 0;
    if (known === 0) {
      known = 1;
      const ids = changes[index]?.workItemIds ?? [];
      for (let i = 0; i < ids.length && known === 1; i++) {
        if (kinds.kindOf(ids[i] ?? 0) !== NOT_REWORK) known = 2;
      }
      verdict[index] = known;
    }
    return known === 2;
  };
  const byBuild = new Array<ReworkEvidence[] | undefined>(table.builds.size);
  for (let build = 0; build < table.builds.size; build++) {
    const from = offsets[build] ?? 0;
    const to = offsets[build + 1] ?? from;
    let rework = false;
    // Most builds fix nothing: test before allocating anything.
    for (let at = from; at < to && !rework; at++) rework = isRework(changeIndices[at] ?? -1);
    if (rework) byBuild[build] = evidenceOfRange(table, from, to, kinds);
  }
  return byBuild;
}

/** The verdicts of reworkEvidenceOfBuilds, reused from call to call (see scratch.ts). */
const VERDICTS = new ScratchSpace();

/** Rework evidence of every build that has some, by build id. */
export function reworkEvidenceByBuild(
  grouped: ChangesByBuild,
  incidentIds: ReadonlySet<number>,
  bugIds: ReadonlySet<number>,
): Map<number, ReworkEvidence[]> {
  const table = asBuildChangeTable(grouped);
  const byBuild = new Map<number, ReworkEvidence[]>();
  reworkEvidenceOfBuilds(table, incidentIds, bugIds).forEach((evidence, build) => {
    const buildId = table.builds.keyOf(build);
    if (evidence !== undefined && buildId !== undefined) byBuild.set(buildId, evidence);
  });
  return byBuild;
}

/** The rate from its parts: deployments in the period, those with a linked change, and the rework ones among those. */
export function reworkRateOf(
  successfulDeployments: number,
  withChanges: number,
  rework: readonly ProductionDeployment[],
): ReworkRateResult {
  if (successfulDeployments === 0) return { status: 'noDeployments' };
  if (withChanges === 0) return { status: 'noChanges', successfulDeployments };
  const deployments = rework.map((deployment): ReworkDeployment => ({
    deploymentId: deployment.record.id,
    evidence: deployment.reworkEvidence,
  }));
  return {
    status: 'ok',
    rate: deployments.length / successfulDeployments,
    reworkDeployments: deployments.length,
    successfulDeployments,
    deployments,
  };
}

/**
 * Rework rate (metric definitions, Delivery): successful production deployments whose changes (all
 * changes linked to the deployed build) are linked to an incident or to a Bug ÷ successful
 * production deployments.
 */
export function reworkRate(successfulInPeriod: readonly ProductionDeployment[]): ReworkRateResult {
  const withChanges = successfulInPeriod.filter((d) => d.changeCount > 0);
  return reworkRateOf(
    successfulInPeriod.length,
    withChanges.length,
    withChanges.filter((d) => d.reworkEvidence.length > 0),
  );
}
