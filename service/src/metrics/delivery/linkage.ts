import {
  attemptClassOf,
  type BuildCommitsRecord,
  type ChangeLinkEvidence,
  type ChangeRecord,
  type DeploymentChangeLink,
  type DeploymentRecord,
} from '../../domain/delivery.ts';
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

interface BuildFacts {
  sourceVersion: string | null;
  sourceBranch: string | null;
  repository: string | null;
}

function buildFactsOf(deployments: readonly DeploymentRecord[]): Map<number, BuildFacts> {
  const facts = new Map<number, BuildFacts>();
  for (const d of deployments) {
    if (d.buildId === null) continue;
    const known = facts.get(d.buildId);
    if (known === undefined) {
      facts.set(d.buildId, {
        sourceVersion: d.sourceVersion,
        sourceBranch: d.sourceBranch,
        repository: d.repository,
      });
    } else {
      known.sourceVersion ??= d.sourceVersion;
      known.sourceBranch ??= d.sourceBranch;
      known.repository ??= d.repository;
    }
  }
  return facts;
}

/** Each SHA's change, or changes when one SHA stands for several (e.g. the same commit in two PRs). */
export type ChangesBySha = Map<string, ChangeRecord | ChangeRecord[]>;

export function indexChangesBySha(changes: readonly ChangeRecord[]): ChangesBySha {
  const index: ChangesBySha = new Map();
  for (const change of changes) {
    for (const sha of change.commitShas) {
      const known = index.get(sha);
      if (known === undefined) index.set(sha, change);
      else if (Array.isArray(known)) {
        if (!known.includes(change)) known.push(change);
      } else if (known !== change) index.set(sha, [known, change]);
    }
  }
  return index;
}

/** A change belongs to a build only if it landed on the branch and repository the build was made from. */
function fitsBuild(change: ChangeRecord, facts: BuildFacts | undefined): boolean {
  if (facts === undefined) return true;
  if (facts.sourceBranch !== null && change.targetBranch !== facts.sourceBranch) return false;
  return facts.repository === null || change.repository === facts.repository;
}

export interface LinkageInput {
  deployments: readonly DeploymentRecord[];
  changes: readonly ChangeRecord[];
  buildCommits: readonly BuildCommitsRecord[];
}

function commitsByBuildOf(records: readonly BuildCommitsRecord[]): Map<number, BuildCommitsRecord[]> {
  const byBuild = new Map<number, BuildCommitsRecord[]>();
  for (const record of records) {
    const list = byBuild.get(record.buildId);
    if (list === undefined) byBuild.set(record.buildId, [record]);
    else list.push(record);
  }
  return byBuild;
}

/**
 * Which changes are in which build: the change whose SHA is the build's source version, plus the
 * changes of every commit the build brought since the previous production deployment of its
 * pipeline. One link per (build, change); source-version evidence wins.
 */
export function linkChangesToBuilds(input: LinkageInput): DeploymentChangeLink[] {
  const facts = buildFactsOf(input.deployments);
  const bySha = indexChangesBySha(input.changes);
  const commitsByBuild = commitsByBuildOf(input.buildCommits);
  const links: DeploymentChangeLink[] = [];
  // One set reused build after build: far fewer allocations than a set per build.
  const seen = new Set<ChangeRecord>();
  let buildId = 0;
  let buildFacts: BuildFacts | undefined;
  const consider = (change: ChangeRecord, via: ChangeLinkEvidence): void => {
    if (seen.has(change) || !fitsBuild(change, buildFacts)) return;
    seen.add(change);
    links.push({ buildId, changeId: change.id, via });
  };
  const add = (sha: string, via: ChangeLinkEvidence): void => {
    const found = bySha.get(sha);
    if (found === undefined) return;
    if (!Array.isArray(found)) consider(found, via);
    else for (const change of found) consider(change, via);
  };

  const buildIds = new Set([...facts.keys(), ...commitsByBuild.keys()]);
  for (const id of buildIds) {
    buildId = id;
    buildFacts = facts.get(id);
    seen.clear();
    const sourceVersion = buildFacts?.sourceVersion ?? null;
    if (sourceVersion !== null) add(sourceVersion, 'sourceVersion');
    for (const record of commitsByBuild.get(id) ?? []) {
      for (const sha of record.commitShas) add(sha, 'buildChanges');
    }
  }
  return links;
}
