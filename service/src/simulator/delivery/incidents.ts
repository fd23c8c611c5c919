import type { DeliveryContext, OpenIncident, RepositoryProfile } from './context.ts';
import type { IncidentModel } from './model.ts';
import { HOUR, MINUTE, addWorkingTime, logNormal } from './timing.ts';
import { incidentTitle } from './catalog.ts';
import { openHotfix } from './repositories.ts';

function profileOf(ctx: DeliveryContext, pipeline: number): RepositoryProfile | undefined {
  return ctx.profiles.find((profile) => profile.pipeline === pipeline);
}

function openList(
  ctx: DeliveryContext,
  pipeline: number,
  releaseDefinition: number,
): OpenIncident[] | undefined {
  return releaseDefinition === -1
    ? ctx.pipelineStates[pipeline]?.openIncidents
    : ctx.releaseStates[releaseDefinition]?.openIncidents;
}

/**
 * After a successful production deployment: incidents whose hotfix it ships are resolved, and now and
 * then the deployment itself causes a new incident (a Bug tagged `incident`) some hours later.
 */
export function afterProductionDeployment(
  ctx: DeliveryContext,
  cause: IncidentModel['cause'],
  pipeline: number,
  releaseDefinition: number,
  deployedCommit: number,
  at: number,
): void {
  const profile = profileOf(ctx, pipeline);
  const open = openList(ctx, pipeline, releaseDefinition);
  if (!profile || !open) return;
  const random = ctx.stream(`incidents:${pipeline}`);
  for (const incident of [...open]) {
    if (incident.resolving || incident.hotfixCommit === -1 || incident.hotfixCommit > deployedCommit)
      continue;
    incident.resolving = true;
    open.splice(open.indexOf(incident), 1);
    const oncall = random.pick(profile.people);
    const resolvedAt = at + logNormal(random, 15 * MINUTE, 0.6, 2 * MINUTE, 3 * HOUR);
    const { workflow } = incident;
    ctx.scheduler.at(resolvedAt, () => {
      ctx.port.moveTo(resolvedAt, incident.workItemId, workflow.resolved ?? workflow.done, oncall);
      if (workflow.resolved === undefined) return;
      const closedAt = addWorkingTime(
        resolvedAt,
        logNormal(random, 4 * HOUR, 0.8, 10 * MINUTE, 3 * 24 * HOUR),
      );
      ctx.scheduler.at(closedAt, () => ctx.port.moveTo(closedAt, incident.workItemId, workflow.done, oncall));
    });
  }
  if (!random.chance(profile.incidentRate)) return;
  const createdAt = at + logNormal(random, 3 * HOUR, 1, 10 * MINUTE, 3 * 24 * HOUR);
  ctx.scheduler.at(createdAt, () => raiseIncident(ctx, profile, cause, releaseDefinition, createdAt));
}

function raiseIncident(
  ctx: DeliveryContext,
  profile: RepositoryProfile,
  cause: IncidentModel['cause'],
  releaseDefinition: number,
  at: number,
): void {
  const random = ctx.stream(`incidents:${profile.pipeline}`);
  const reporter = random.pick(profile.people);
  const pipeline = ctx.model.delivery.pipelines[profile.pipeline];
  const workflow = profile.incidentWorkflow;
  const id = ctx.port.create(at, {
    projectIndex: pipeline?.projectIndex ?? 0,
    type: workflow.type,
    title: incidentTitle(random),
    area: profile.incidentArea,
    tags: ['incident'],
    priority: 1,
    by: reporter,
  });
  ctx.model.delivery.incidents.push({
    workItemId: id,
    projectIndex: pipeline?.projectIndex ?? 0,
    createdOn: at,
    cause,
  });
  const incident: OpenIncident = { workItemId: id, workflow, hotfixCommit: -1, resolving: false };
  openList(ctx, profile.pipeline, releaseDefinition)?.push(incident);
  const oncall = random.pick(profile.people);
  const activeAt = at + logNormal(random, 20 * MINUTE, 0.7, 2 * MINUTE, 4 * HOUR);
  ctx.scheduler.at(activeAt, () => {
    ctx.port.moveTo(activeAt, id, workflow.active, oncall);
    const fixAt = activeAt + logNormal(random, 45 * MINUTE, 0.6, 10 * MINUTE, 24 * HOUR);
    ctx.scheduler.at(fixAt, () => openHotfix(ctx, profile, incident, oncall, fixAt));
  });
}
