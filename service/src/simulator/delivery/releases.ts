import type { DeliveryContext } from './context.ts';
import type {
  BuildModel,
  DeploymentStatus,
  OperationStatus,
  ReleaseDeploymentModel,
  ReleaseModel,
} from './model.ts';
import { HOUR, MINUTE, SECOND, addWorkingTime, logNormal } from './timing.ts';
import { afterProductionDeployment } from './incidents.ts';

/** A classic release of a CI build: Dev and QA deploy automatically, Production after an approval. */
export function createRelease(
  ctx: DeliveryContext,
  definitionIndex: number,
  build: BuildModel,
  at: number,
): void {
  ctx.scheduler.at(at, () => {
    const definition = ctx.model.delivery.releaseDefinitions[definitionIndex];
    const state = ctx.releaseStates[definitionIndex];
    if (!definition || !state) return;
    state.releases += 1;
    const release: ReleaseModel = {
      id: ++ctx.counters.release,
      name: `Release-${state.releases}`,
      definition: definitionIndex,
      build: build.id,
      createdOn: at,
      createdBy: build.requestedFor,
      environmentBase: ctx.counters.releaseEnvironment + 1,
    };
    ctx.counters.releaseEnvironment += definition.environments.length;
    ctx.model.delivery.releases.push(release);
    deployEnvironment(ctx, release, build, 0, at + 20 * SECOND, 1);
  });
}

function deployEnvironment(
  ctx: DeliveryContext,
  release: ReleaseModel,
  build: BuildModel,
  index: number,
  at: number,
  attempt: number,
): void {
  const definition = ctx.model.delivery.releaseDefinitions[release.definition];
  const state = ctx.releaseStates[release.definition];
  const environment = definition?.environments[index];
  if (!definition || !state || !environment) return;
  const random = ctx.stream(`release:${release.definition}`);
  const isProduction = index === definition.environments.length - 1;
  if (!isProduction || attempt > 1) {
    start(ctx, release, build, index, at, attempt, 'automated', build.requestedFor);
    return;
  }
  state.awaitingProduction = release.id;
  const decideAt = addWorkingTime(at, logNormal(random, 4 * HOUR, 0.9, 15 * MINUTE, 30 * HOUR));
  ctx.scheduler.at(decideAt, () => {
    // An older release still waiting when a newer one arrived is never deployed to Production.
    if (state.awaitingProduction !== release.id) return;
    state.awaitingProduction = 0;
    const approver = definition.id % 2 === 0 ? build.requestedFor : release.createdBy;
    if (random.chance(0.03)) {
      record(ctx, release, index, attempt, 'manual', approver, decideAt, {
        startedOn: Number.NaN,
        completedOn: decideAt,
        deploymentStatus: 'notDeployed',
        operationStatus: 'Rejected',
      });
      return;
    }
    start(ctx, release, build, index, decideAt, attempt, 'manual', approver);
  });
}

function record(
  ctx: DeliveryContext,
  release: ReleaseModel,
  index: number,
  attempt: number,
  reason: 'automated' | 'manual',
  requestedBy: number,
  queuedOn: number,
  outcome: Pick<ReleaseDeploymentModel, 'startedOn' | 'completedOn' | 'deploymentStatus' | 'operationStatus'>,
): ReleaseDeploymentModel {
  const deployment: ReleaseDeploymentModel = {
    id: ++ctx.counters.releaseDeployment,
    release: release.id,
    definition: release.definition,
    environmentIndex: index,
    releaseEnvironmentId: release.environmentBase + index,
    attempt,
    reason,
    queuedOn,
    requestedBy,
    approver: requestedBy,
    lastModifiedOn: Number.isNaN(outcome.completedOn) ? queuedOn : outcome.completedOn,
    ...outcome,
  };
  ctx.model.delivery.releaseDeployments.push(deployment);
  if (!Number.isNaN(outcome.completedOn))
    ctx.events.emit({ kind: 'release.deployment.completed', deployment: deployment.id }, outcome.completedOn);
  return deployment;
}

function start(
  ctx: DeliveryContext,
  release: ReleaseModel,
  build: BuildModel,
  index: number,
  at: number,
  attempt: number,
  reason: 'automated' | 'manual',
  requestedBy: number,
): void {
  const random = ctx.stream(`release:${release.definition}`);
  const startedOn = at + logNormal(random, 30 * SECOND, 0.6, 5 * SECOND, 10 * MINUTE);
  const deployment = record(ctx, release, index, attempt, reason, requestedBy, at, {
    startedOn,
    completedOn: Number.NaN,
    deploymentStatus: 'inProgress',
    operationStatus: 'PhaseInProgress',
  });
  const finishAt = startedOn + logNormal(random, 4 * MINUTE, 0.5, MINUTE, HOUR);
  const roll = random.next();
  const [status, operation]: [DeploymentStatus, OperationStatus] =
    roll < 0.05
      ? ['failed', 'PhaseFailed']
      : roll < 0.06
        ? ['partiallySucceeded', 'PhasePartiallySucceeded']
        : ['succeeded', 'PhaseSucceeded'];
  ctx.scheduler.at(finishAt, () => {
    deployment.completedOn = finishAt;
    deployment.lastModifiedOn = finishAt;
    deployment.deploymentStatus = status;
    deployment.operationStatus = operation;
    ctx.events.emit({ kind: 'release.deployment.completed', deployment: deployment.id }, finishAt);
    const definition = ctx.model.delivery.releaseDefinitions[release.definition];
    const isProduction = definition !== undefined && index === definition.environments.length - 1;
    if (status !== 'failed') {
      if (isProduction)
        afterProductionDeployment(
          ctx,
          { kind: 'release', id: deployment.id },
          definition.pipeline,
          release.definition,
          build.sourceCommit,
          finishAt,
        );
      else deployEnvironment(ctx, release, build, index + 1, finishAt + 10 * SECOND, 1);
    } else if (isProduction && attempt === 1 && random.chance(0.5)) {
      deployEnvironment(
        ctx,
        release,
        build,
        index,
        finishAt + logNormal(random, 40 * MINUTE, 0.5, 5 * MINUTE, 6 * HOUR),
        2,
      );
    }
  });
}
