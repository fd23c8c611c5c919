import type { ChangeRecord } from '../../domain/delivery.ts';
import type { BuildChangeTable } from './buildChanges.ts';
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

/**
 * The evidence of each rework build, made only when a list asks for it (the rework detail): a summary
 * reads whether a deployment is rework, and at 200,000 builds the evidence of every rework build is
 * hundreds of thousands of objects. Holds its own copy of each rework build's change indices, since the
 * engine's grouping lives in reused memory.
 */
export class ReworkEvidenceSource {
  private readonly made = new Map<number, readonly ReworkEvidence[]>();

  constructor(
    private readonly changes: readonly ChangeRecord[],
    private readonly incidentIds: ReadonlySet<number>,
    private readonly bugIds: ReadonlySet<number>,
    /** Where each slot's change indices start in `changeIndices` (one more entry than slots). */
    private readonly offsets: Int32Array,
    private readonly changeIndices: Int32Array,
  ) {}

  evidenceOf(slot: number): readonly ReworkEvidence[] {
    let evidence = this.made.get(slot);
    if (evidence === undefined) {
      const from = this.offsets[slot] ?? 0;
      const to = this.offsets[slot + 1] ?? from;
      const changes: ChangeRecord[] = [];
      for (let at = from; at < to; at++) {
        const change = this.changes[this.changeIndices[at] ?? -1];
        if (change !== undefined) changes.push(change);
      }
      evidence = reworkEvidenceOf(changes, this.incidentIds, this.bugIds);
      this.made.set(slot, evidence);
    }
    return evidence;
  }
}

/** Rework of every build of a grouping: each build's slot (-1: not rework) and the evidence source. */
export interface ReworkOfBuilds {
  /** By BuildChangeTable build number; in reused memory, valid until the next computation. */
  slotOfBuild: Int32Array;
  source: ReworkEvidenceSource;
}

/** The reworkOfBuilds slots, reused from call to call (see scratch.ts). */
const SLOTS = new ScratchSpace();

/**
 * Which builds are rework, decided once per change: a build can be deployed many times, and a change can
 * be in several builds. Rework builds get consecutive slots in the evidence source.
 */
export function reworkOfBuilds(
  table: BuildChangeTable,
  incidentIds: ReadonlySet<number>,
  bugIds: ReadonlySet<number>,
): ReworkOfBuilds {
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
  const builds = table.builds.size;
  const slotOfBuild = SLOTS.int32(builds);
  let slots = 0;
  let links = 0;
  for (let build = 0; build < builds; build++) {
    const from = offsets[build] ?? 0;
    const to = offsets[build + 1] ?? from;
    let rework = false;
    for (let at = from; at < to && !rework; at++) rework = isRework(changeIndices[at] ?? -1);
    slotOfBuild[build] = rework ? slots++ : -1;
    if (rework) links += to - from;
  }
  // The rework builds' change indices, copied out of the reused grouping.
  const slotOffsets = new Int32Array(slots + 1);
  const slotChanges = new Int32Array(links);
  let written = 0;
  for (let build = 0; build < builds; build++) {
    const slot = slotOfBuild[build] ?? -1;
    if (slot < 0) continue;
    const from = offsets[build] ?? 0;
    const to = offsets[build + 1] ?? from;
    slotChanges.set(changeIndices.subarray(from, to), written);
    written += to - from;
    slotOffsets[slot + 1] = written;
  }
  return {
    slotOfBuild,
    source: new ReworkEvidenceSource(changes, incidentIds, bugIds, slotOffsets, slotChanges),
  };
}

/** The verdicts of reworkOfBuilds, reused from call to call (see scratch.ts). */
const VERDICTS = new ScratchSpace();

/**
 * The rate from its parts: deployments in the period, those with a linked change, and the rework ones
 * among those. The rework deployments' list (with their evidence) is made when first read.
 */
export function reworkRateOf(
  successfulDeployments: number,
  withChanges: number,
  rework: readonly ProductionDeployment[],
  evidence: ReworkEvidenceSource,
): ReworkRateResult {
  if (successfulDeployments === 0) return { status: 'noDeployments' };
  if (withChanges === 0) return { status: 'noChanges', successfulDeployments };
  let listed: readonly ReworkDeployment[] | undefined;
  return {
    status: 'ok',
    rate: rework.length / successfulDeployments,
    reworkDeployments: rework.length,
    successfulDeployments,
    get deployments() {
      listed ??= rework.map((deployment): ReworkDeployment => ({
        deploymentId: deployment.record.id,
        evidence: evidence.evidenceOf(deployment.reworkSlot),
      }));
      return listed;
    },
  };
}
