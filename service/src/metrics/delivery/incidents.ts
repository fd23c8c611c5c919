import type { IncidentRecord } from '../../domain/delivery.ts';
import type { ProductionDeployment } from './model.ts';
import { ScratchSpace } from './scratch.ts';

export type IncidentAttribution =
  | {
      incidentId: number;
      status: 'attributed';
      deploymentId: string;
      /** explicitLink: the incident names the deployment; lastBefore: the time rule chose it. */
      via: 'explicitLink' | 'lastBefore';
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

export interface ResolvedAttribution<T extends ProductionDeployment = ProductionDeployment> {
  attribution: IncidentAttribution;
  /** The deployment it is attributed to; null when unattributed. */
  deployment: T | null;
}

/**
 * Attribute each incident (metric definitions, Delivery) to the last successful production
 * deployment of its project's pipelines that finished before the incident was created, unless an
 * explicit link names another deployment. `successful` must be in finish order.
 */
export function resolveAttributions<T extends ProductionDeployment>(
  incidents: readonly IncidentRecord[],
  successful: readonly T[],
): ResolvedAttribution<T>[] {
  const linked = linkedDeployments(incidents, successful);
  const timelines = timelinesByProject(successful);

  return incidents.map((incident): ResolvedAttribution<T> => {
    const incidentId = incident.workItemId;
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
