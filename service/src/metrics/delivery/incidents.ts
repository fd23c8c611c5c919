import type { IncidentRecord } from '../../domain/delivery.ts';
import type { ProductionDeployment } from './model.ts';
import { ScratchSpace } from './scratch.ts';

/**
 * How an incident found its deployment, in order of precedence: artifactLink (its own "Found in build" /
 * "Integrated in build" / "Integrated in release environment" links name a deployed build or release),
 * explicitLink (its tag names the deployment), lastBefore (the time rule chose it).
 */
export type AttributionVia = 'artifactLink' | 'explicitLink' | 'lastBefore';

export type IncidentAttribution =
  | {
      incidentId: number;
      status: 'attributed';
      deploymentId: string;
      via: AttributionVia;
    }
  | {
      incidentId: number;
      status: 'unattributed';
      /**
       * noDeploymentBefore: no successful production deployment of the project finished before it was created.
       * linkedDeploymentNotFound: its link names no known successful production deployment.
       */
      reason: 'noDeploymentBefore' | 'linkedDeploymentNotFound';
    };

/**
 * The successful deployments grouped by project, each group still in finish order, as one array of
 * finish times and one of positions (CSR: group g is offsets[g] … offsets[g + 1] - 1).
 */
interface ProjectTimelines {
  projects: Map<string, number>;
  offsets: Int32Array;
  finishTimes: Float64Array;
  positions: Int32Array;
}

/** Working memory of timelinesByProject, reused from call to call (see scratch.ts). */
const SPACE = {
  projectOf: new ScratchSpace(),
  finishTimes: new ScratchSpace(),
  positions: new ScratchSpace(),
};

function timelinesByProject(successful: readonly ProductionDeployment[]): ProjectTimelines {
  const projects = new Map<string, number>();
  const projectOf = SPACE.projectOf.int32(successful.length);
  let lastProject: string | undefined;
  let project = -1;
  for (let k = 0; k < successful.length; k++) {
    const name = successful[k]?.record.project;
    if (name !== lastProject && name !== undefined) {
      lastProject = name;
      project = projects.get(name) ?? projects.size;
      if (project === projects.size) projects.set(name, project);
    }
    projectOf[k] = project;
  }
  const offsets = new Int32Array(projects.size + 1);
  for (let k = 0; k < successful.length; k++) {
    const g = (projectOf[k] ?? 0) + 1;
    offsets[g] = (offsets[g] ?? 0) + 1;
  }
  for (let g = 0; g < projects.size; g++) offsets[g + 1] = (offsets[g + 1] ?? 0) + (offsets[g] ?? 0);
  const cursor = offsets.slice(0, projects.size);
  const finishTimes = SPACE.finishTimes.float64(successful.length);
  const positions = SPACE.positions.int32(successful.length);
  for (let k = 0; k < successful.length; k++) {
    const g = projectOf[k] ?? 0;
    const at = cursor[g] ?? 0;
    cursor[g] = at + 1;
    finishTimes[at] = successful[k]?.finishedAt ?? 0;
    positions[at] = k;
  }
  return { projects, offsets, finishTimes, positions };
}

/** Position in `successful` of the last deployment of the project finished before `instant`, or -1. */
function lastBefore(timelines: ProjectTimelines, project: string, instant: number): number {
  const g = timelines.projects.get(project);
  if (g === undefined) return -1;
  const from = timelines.offsets[g] ?? 0;
  let lo = from;
  let hi = timelines.offsets[g + 1] ?? from;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((timelines.finishTimes[mid] ?? Number.POSITIVE_INFINITY) < instant) lo = mid + 1;
    else hi = mid;
  }
  return lo === from ? -1 : (timelines.positions[lo - 1] ?? -1);
}

/** Successful deployments named by explicit links, found in one pass (links are few, deployments many). */
function linkedDeployments<T extends ProductionDeployment>(
  incidents: readonly IncidentRecord[],
  successful: readonly T[],
): Map<string, T> {
  const wanted = new Set<string>();
  for (let i = 0; i < incidents.length; i++) {
    const link = incidents[i]?.linkedDeploymentId ?? null;
    if (link !== null) wanted.add(link);
  }
  const found = new Map<string, T>();
  if (wanted.size === 0) return found;
  for (let k = 0; k < successful.length; k++) {
    const deployment = successful[k];
    if (deployment !== undefined && wanted.has(deployment.record.id))
      found.set(deployment.record.id, deployment);
  }
  return found;
}

/**
 * The successful production deployments of each linked build (`build:${id}`) and release
 * (`release:${project}:${id}`), in finish order, found in one pass.
 */
function artifactDeployments<T extends ProductionDeployment>(
  incidents: readonly IncidentRecord[],
  successful: readonly T[],
): Map<string, T[]> {
  const wanted = new Set<string>();
  for (const incident of incidents) {
    for (const artifact of incident.linkedArtifacts ?? [])
      wanted.add(artifactKey(incident.project, artifact));
  }
  const found = new Map<string, T[]>();
  if (wanted.size === 0) return found;
  for (const deployment of successful) {
    const { buildId, releaseId, project } = deployment.record;
    const keys = [
      ...(buildId === null ? [] : [`build:${buildId}`]),
      ...(releaseId === null ? [] : [`release:${project}:${releaseId}`]),
    ];
    for (const key of keys) {
      if (wanted.has(key)) found.set(key, [...(found.get(key) ?? []), deployment]);
    }
  }
  return found;
}

/** Build ids are unique in an organization; classic release ids are kept per project to be safe. */
function artifactKey(project: string, artifact: { kind: 'build' | 'release'; id: number }): string {
  return artifact.kind === 'build' ? `build:${artifact.id}` : `release:${project}:${artifact.id}`;
}

/**
 * The deployment an incident's artifact links point at: of the linked builds' and releases' successful
 * production deployments, the last one finished before the incident was created (the one running when it
 * began), else the first one finished after it; undefined when no link names a deployed build or release.
 */
function byArtifactLinks<T extends ProductionDeployment>(
  incident: IncidentRecord,
  deployments: ReadonlyMap<string, readonly T[]>,
): T | undefined {
  const candidates = (incident.linkedArtifacts ?? [])
    .flatMap((artifact) => deployments.get(artifactKey(incident.project, artifact)) ?? [])
    .sort((a, b) => a.finishedAt - b.finishedAt);
  const before = candidates.filter((deployment) => deployment.finishedAt < incident.createdAt);
  return before.at(-1) ?? candidates[0];
}

export interface ResolvedAttribution<T extends ProductionDeployment = ProductionDeployment> {
  attribution: IncidentAttribution;
  /** The deployment it is attributed to; null when unattributed. */
  deployment: T | null;
}

/**
 * Attribute each incident (metric definitions, Delivery), in this order of precedence: to the deployment
 * of a build or release its artifact links name (when one was deployed to production successfully); else
 * to the deployment its tag names; else to the last successful production deployment of its project's
 * pipelines that finished before the incident was created. `successful` must be in finish order.
 */
export function resolveAttributions<T extends ProductionDeployment>(
  incidents: readonly IncidentRecord[],
  successful: readonly T[],
): ResolvedAttribution<T>[] {
  const linked = linkedDeployments(incidents, successful);
  const byArtifact = artifactDeployments(incidents, successful);
  const timelines = timelinesByProject(successful);

  return incidents.map((incident): ResolvedAttribution<T> => {
    const incidentId = incident.workItemId;
    const artifactDeployment = byArtifactLinks(incident, byArtifact);
    if (artifactDeployment !== undefined) {
      return {
        attribution: {
          incidentId,
          status: 'attributed',
          deploymentId: artifactDeployment.record.id,
          via: 'artifactLink',
        },
        deployment: artifactDeployment,
      };
    }
    if (incident.linkedDeploymentId !== null) {
      const deployment = linked.get(incident.linkedDeploymentId);
      return deployment === undefined
        ? {
            attribution: { incidentId, status: 'unattributed', reason: 'linkedDeploymentNotFound' },
            deployment: null,
          }
        : {
            attribution: {
              incidentId,
              status: 'attributed',
              deploymentId: deployment.record.id,
              via: 'explicitLink',
            },
            deployment,
          };
    }
    const deployment = successful[lastBefore(timelines, incident.project, incident.createdAt)];
    return deployment === undefined
      ? {
          attribution: { incidentId, status: 'unattributed', reason: 'noDeploymentBefore' },
          deployment: null,
        }
      : {
          attribution: {
            incidentId,
            status: 'attributed',
            deploymentId: deployment.record.id,
            via: 'lastBefore',
          },
          deployment,
        };
  });
}

/** The attribution of each incident, in input order. */
export function attributeIncidents(
  incidents: readonly IncidentRecord[],
  successful: readonly ProductionDeployment[],
): IncidentAttribution[] {
  return resolveAttributions(incidents, successful).map((resolved) => resolved.attribution);
}
