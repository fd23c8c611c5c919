import type { IncidentRecord } from '../../domain/delivery.ts';
import type { ProductionDeployment } from './model.ts';
import { lowerBound } from './stats.ts';

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

interface ProjectTimeline<T> {
  finishTimes: number[];
  deployments: T[];
}

function timelinesByProject<T extends ProductionDeployment>(
  successful: readonly T[],
): Map<string, ProjectTimeline<T>> {
  const timelines = new Map<string, ProjectTimeline<T>>();
  for (const deployment of successful) {
    const project = deployment.record.project;
    let timeline = timelines.get(project);
    if (timeline === undefined) {
      timeline = { finishTimes: [], deployments: [] };
      timelines.set(project, timeline);
    }
    timeline.finishTimes.push(deployment.finishedAt);
    timeline.deployments.push(deployment);
  }
  return timelines;
}

/** Successful deployments named by explicit links, found in one pass (links are few, deployments many). */
function linkedDeployments<T extends ProductionDeployment>(
  incidents: readonly IncidentRecord[],
  successful: readonly T[],
): Map<string, T> {
  const wanted = new Set<string>();
  for (const incident of incidents)
    if (incident.linkedDeploymentId !== null) wanted.add(incident.linkedDeploymentId);
  const found = new Map<string, T>();
  if (wanted.size === 0) return found;
  for (const deployment of successful) {
    if (wanted.has(deployment.record.id)) found.set(deployment.record.id, deployment);
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
    const timeline = timelines.get(incident.project);
    const last = timeline === undefined ? -1 : lowerBound(timeline.finishTimes, incident.createdAt) - 1;
    const deployment = timeline?.deployments[last];
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
