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

interface ProjectTimeline {
  finishTimes: number[];
  deployments: ProductionDeployment[];
}

function timelinesByProject(successful: readonly ProductionDeployment[]): Map<string, ProjectTimeline> {
  const timelines = new Map<string, ProjectTimeline>();
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

/**
 * Attribute each incident (metric definitions, Delivery) to the last successful production
 * deployment of its project's pipelines that finished before the incident was created, unless an
 * explicit link names another deployment. `successful` must be in finish order.
 */
export function attributeIncidents(
  incidents: readonly IncidentRecord[],
  successful: readonly ProductionDeployment[],
): IncidentAttribution[] {
  const byId = new Map<string, ProductionDeployment>();
  for (const deployment of successful) byId.set(deployment.record.id, deployment);
  const timelines = timelinesByProject(successful);

  return incidents.map((incident): IncidentAttribution => {
    const incidentId = incident.workItemId;
    if (incident.linkedDeploymentId !== null) {
      return byId.has(incident.linkedDeploymentId)
        ? { incidentId, status: 'attributed', deploymentId: incident.linkedDeploymentId, via: 'explicitLink' }
        : { incidentId, status: 'unattributed', reason: 'linkedDeploymentNotFound' };
    }
    const timeline = timelines.get(incident.project);
    const last = timeline === undefined ? -1 : lowerBound(timeline.finishTimes, incident.createdAt) - 1;
    const deployment = timeline?.deployments[last];
    return deployment === undefined
      ? { incidentId, status: 'unattributed', reason: 'noDeploymentBefore' }
      : { incidentId, status: 'attributed', deploymentId: deployment.record.id, via: 'lastBefore' };
  });
}

/** The incidents attributed to each deployment, keyed by deployment id. */
export function incidentsByDeployment(
  incidents: readonly IncidentRecord[],
  attributions: readonly IncidentAttribution[],
): Map<string, IncidentRecord[]> {
  const byDeployment = new Map<string, IncidentRecord[]>();
  attributions.forEach((attribution, index) => {
    const incident = incidents[index];
    if (attribution.status !== 'attributed' || incident === undefined) return;
    const list = byDeployment.get(attribution.deploymentId);
    if (list === undefined) byDeployment.set(attribution.deploymentId, [incident]);
    else list.push(incident);
  });
  return byDeployment;
}
