import {
  attemptClassOf,
  type BuildCommitsRecord,
  type ChangeRecord,
  type DeploymentChangeLink,
  type DeploymentRecord,
} from '../../domain/delivery.ts';
import { BuildFacts } from './buildFacts.ts';
import { LinkTable } from './linkTable.ts';
import { ScratchSpace } from './scratch.ts';
import { indexShas, type ShaIndex } from './shaIndex.ts';
import { pipelineKeyOf } from './production.ts';

/** A pair of builds to diff with `build/changes?fromBuildId&toBuildId`; fromBuildId null for a pipeline's first. */
export interface ProductionBuildPair {
  pipelineKey: string;
  fromBuildId: number | null;
  toBuildId: number;
}

function byFinish(a: DeploymentRecord, b: DeploymentRecord): number {
  return (a.finishedAt ?? 0) - (b.finishedAt ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * For sync: the consecutive successful production deployments of each pipeline, as build pairs.
 * Redeploys and rollbacks (a build not newer than the newest already deployed) bring no new
 * commits, so they yield no pair; build ids grow over time within an organization.
 */
export function consecutiveProductionBuilds(production: readonly DeploymentRecord[]): ProductionBuildPair[] {
  const successful = production
    .filter((d) => d.buildId !== null && d.finishedAt !== null && attemptClassOf(d.outcome) === 'successful')
    .sort(byFinish);
  const newestByPipeline = new Map<string, number>();
  const pairs: ProductionBuildPair[] = [];
  for (const deployment of successful) {
    const toBuildId = deployment.buildId;
    if (toBuildId === null) continue;
    const pipelineKey = pipelineKeyOf(deployment);
    const newest = newestByPipeline.get(pipelineKey);
    if (newest !== undefined && toBuildId <= newest) continue;
    pairs.push({ pipelineKey, fromBuildId: newest ?? null, toBuildId });
    newestByPipeline.set(pipelineKey, toBuildId);
  }
  return pairs;
}

/** Each SHA's change, or changes when one SHA stands for several (e.g. the same commit in two PRs). */
export type ChangesBySha = Map<string, ChangeRecord | ChangeRecord[]>;

export function indexChangesBySha(changes: readonly ChangeRecord[]): ChangesBySha {
  const { table, firstChange, moreChanges } = indexShas(changes);
  const index: ChangesBySha = new Map();
  for (let entry = 0; entry < table.size; entry++) {
    const sha = table.keyOf(entry);
    const first = changes[firstChange[entry] ?? -1];
    if (sha === undefined || first === undefined) continue;
    const more = moreChanges.get(entry);
    if (more === undefined) index.set(sha, first);
    else index.set(sha, [first, ...more.flatMap((i) => changes[i] ?? [])]);
  }
  return index;
}

export interface LinkageInput {
  deployments: readonly DeploymentRecord[];
  changes: readonly ChangeRecord[];
  buildCommits: readonly BuildCommitsRecord[];
}

const SOURCE_VERSION = 0;
const BUILD_CHANGES = 1;
const NO_SHAS: readonly string[] = [];

/** Working memory of linkChangesToBuilds, reused from call to call (see scratch.ts). */
const SPACE = {
  linkedTo: new ScratchSpace(),
  linkBuild: new ScratchSpace(),
  linkChange: new ScratchSpace(),
  linkVia: new ScratchSpace(),
};

/**
 * Which changes are in which build: the change whose SHA is the build's source version, plus the
 * changes of every commit the build brought since the previous production deployment of its
 * pipeline. One link per (build, change); source-version evidence wins.
 */
export function linkChangesToBuilds(input: LinkageInput): readonly DeploymentChangeLink[] {
  return linkChangesToBuildTable(input).toArray();
}

/**
 * linkChangesToBuilds as columns (see linkTable.ts). Links are gathered as numbers and copied once,
 * at the end, into exactly sized arrays. `shas`: the changes' SHA index when the caller made it
 * already (it lives in reused memory, so it must be the latest indexShas of these changes).
 */
export function linkChangesToBuildTable(
  input: LinkageInput,
  shas: ShaIndex = indexShas(input.changes),
): LinkTable {
  const { changes, buildCommits } = input;
  const facts = new BuildFacts(input.deployments, buildCommits);
  const { table, firstChange, moreChanges } = shas;
  const found = new LinkColumns(2 * changes.length);
  // The build (+ 1) that last linked each change: a per-build "seen" set that never needs clearing.
  const linkedTo = SPACE.linkedTo.int32(changes.length);
  let build = 0;
  const consider = (index: number, via: number, sha: string): void => {
    // A PR's commits usually come together: most repeats end here, before the change is read.
    if (linkedTo[index] === build + 1) return;
    const change = changes[index];
    if (change === undefined || !facts.fits(change, build, sha)) return;
    linkedTo[index] = build + 1;
    found.add(build, index, via);
  };
  const add = (sha: string, via: number): void => {
    const entry = table.find(sha);
    if (entry === -1) return;
    consider(firstChange[entry] ?? -1, via, sha);
    const more = moreChanges.size === 0 ? undefined : moreChanges.get(entry);
    if (more !== undefined) for (const index of more) consider(index, via, sha);
  };

  for (build = 0; build < facts.builds.size; build++) {
    const sourceVersion = facts.sourceVersion(build);
    if (sourceVersion !== null) add(sourceVersion, SOURCE_VERSION);
    for (
      let record = facts.firstRecord[build] ?? -1;
      record !== -1;
      record = facts.nextRecord[record] ?? -1
    ) {
      const shas = buildCommits[record]?.commitShas ?? NO_SHAS;
      for (let n = 0; n < shas.length; n++) add(shas[n] ?? '', BUILD_CHANGES);
    }
  }

  const buildIds = new Float64Array(found.size);
  for (let n = 0; n < found.size; n++) buildIds[n] = facts.builds.keyOf(found.build[n] ?? -1) ?? 0;
  const evidence = new Uint8Array(found.size);
  for (let n = 0; n < found.size; n++) evidence[n] = found.via[n] === SOURCE_VERSION ? 0 : 1;
  return new LinkTable(changes, buildIds, found.change.slice(0, found.size), evidence);
}

/** Growable columns of links: build number, change index, evidence. */
class LinkColumns {
  build: Int32Array;
  change: Int32Array;
  via: Int32Array;
  size = 0;

  constructor(expected: number) {
    const capacity = Math.max(16, expected);
    this.build = SPACE.linkBuild.int32(capacity);
    this.change = SPACE.linkChange.int32(capacity);
    this.via = SPACE.linkVia.int32(capacity);
  }

  add(build: number, change: number, via: number): void {
    if (this.size === this.build.length) this.grow();
    this.build[this.size] = build;
    this.change[this.size] = change;
    this.via[this.size++] = via;
  }

  private grow(): void {
    const build = new Int32Array(this.build.length * 2);
    const change = new Int32Array(build.length);
    const via = new Int32Array(build.length);
    build.set(this.build);
    change.set(this.change);
    via.set(this.via);
    this.build = build;
    this.change = change;
    this.via = via;
  }
}
