import type { DeliveryContext } from './context.ts';
import type { BuildModel, DeploymentRecordModel, TaskResult } from './model.ts';
import { HOUR, MINUTE, SECOND, addWorkingTime, logNormal } from './timing.ts';
import { completeIfDone, skipStage, stageOutcome } from './stages.ts';
import { afterProductionDeployment } from './incidents.ts';

const FAIL_RATE: Record<string, number> = { dev: 0.03, staging: 0.05, production: 0.07 };
const DURATION: Record<string, number> = { dev: 2 * MINUTE, staging: 3 * MINUTE, production: 5 * MINUTE };

function environmentName(ctx: DeliveryContext, build: BuildModel, index: number): string {
  const pipeline = ctx.model.delivery.pipelines[build.pipeline];
  const environment = ctx.model.delivery.environments[pipeline?.stages[index]?.environment ?? -1];
  return environment?.name ?? 'dev';
}

/**
 * Runs deployment stage `index` of a main-line run. Production waits for an approval; when a newer
 * run is already waiting, the older one is superseded and its production stage skipped (the
 * "run latest" exclusive lock). Hotfixes are approved at once by the on-call engineer.
 */
export function runDeployStage(
  ctx: DeliveryContext,
  build: BuildModel,
  index: number,
  at: number,
  expedite: boolean,
): void {
  const name = environmentName(ctx, build, index);
  const state = ctx.pipelineStates[build.pipeline];
  if (name !== 'production' || !state) {
    startDeployment(ctx, build, index, at, expedite);
    return;
  }
  state.awaitingProduction = build.id;
  const random = ctx.stream(`approvals:${build.pipeline}`);
  const decideAt = expedite
    ? at + logNormal(random, 15 * MINUTE, 0.5, 3 * MINUTE, 2 * HOUR)
    : addWorkingTime(at, logNormal(random, 2.5 * HOUR, 0.8, 10 * MINUTE, 16 * HOUR));
  ctx.scheduler.at(decideAt, () => {
    const stage = build.stages[index];
    if (!stage || stage.state !== 'pending') return;
    if (!expedite && state.awaitingProduction !== build.id) {
      skipStage(stage);
      completeIfDone(ctx, build, decideAt);
      return;
    }
    if (state.awaitingProduction === build.id) state.awaitingProduction = 0;
    startDeployment(ctx, build, index, decideAt, expedite);
  });
}

function startDeployment(
  ctx: DeliveryContext,
  build: BuildModel,
  index: number,
  at: number,
  expedite: boolean,
): void {
  const stage = build.stages[index];
  const pipeline = ctx.model.delivery.pipelines[build.pipeline];
  const stageDef = pipeline?.stages[index];
  if (!stage || !pipeline || !stageDef) return;
  const random = ctx.stream(`deployments:${build.pipeline}`);
  const name = environmentName(ctx, build, index);
  stage.state = 'inProgress';
  stage.startTime = at;
  stage.finishTime = Number.NaN;
  stage.result = undefined;
  const record: DeploymentRecordModel = {
    id: ++ctx.counters.deploymentRecord,
    environment: stageDef.environment,
    projectIndex: build.projectIndex,
    pipeline: build.pipeline,
    build: build.id,
    stageName: stageDef.name,
    stageIndex: index,
    stageAttempt: stage.attempt,
    queueTime: at,
    startTime: at + logNormal(random, 10 * SECOND, 0.6, 2 * SECOND, 5 * MINUTE),
    finishTime: Number.NaN,
    result: undefined,
  };
  ctx.model.delivery.deploymentRecords.push(record);
  stage.deploymentRecord = record.id;
  ctx.events.emit({ kind: 'stage.state', build: build.id, stage: index }, at);
  const finishAt = record.startTime + logNormal(random, DURATION[name] ?? 3 * MINUTE, 0.4, 30 * SECOND, HOUR);
  const result = stageOutcome(random, FAIL_RATE[name] ?? 0.05, 0.01);
  ctx.scheduler.at(finishAt, () => finishDeployment(ctx, build, index, record, result, finishAt, expedite));
}

function finishDeployment(
  ctx: DeliveryContext,
  build: BuildModel,
  index: number,
  record: DeploymentRecordModel,
  result: TaskResult,
  at: number,
  expedite: boolean,
): void {
  const stage = build.stages[index];
  if (!stage) return;
  record.finishTime = at;
  record.result = result;
  stage.state = 'completed';
  stage.result = result;
  stage.finishTime = at;
  ctx.events.emit({ kind: 'stage.state', build: build.id, stage: index }, at);
  const passed = result === 'succeeded' || result === 'succeededWithIssues';
  const name = environmentName(ctx, build, index);
  if (passed && name === 'production')
    afterProductionDeployment(
      ctx,
      { kind: 'environment', id: record.id },
      build.pipeline,
      -1,
      build.sourceCommit,
      at,
    );
  if (passed && build.stages[index + 1]?.state === 'pending') {
    runDeployStage(ctx, build, index + 1, at + 5 * SECOND, expedite);
    return;
  }
  for (let later = index + 1; later < build.stages.length; later += 1) {
    const skipped = build.stages[later];
    if (skipped && skipped.state === 'pending') skipStage(skipped);
  }
  completeIfDone(ctx, build, at);
  const random = ctx.stream(`retries:${build.pipeline}`);
  if (result === 'failed' && name === 'production' && stage.attempt === 1 && random.chance(0.6)) {
    // "Rerun failed stages": a second attempt of the same stage, a new deployment record.
    const retryAt = at + logNormal(random, 30 * MINUTE, 0.6, 5 * MINUTE, 6 * HOUR);
    ctx.scheduler.at(retryAt, () => {
      stage.attempt += 1;
      build.status = 'inProgress';
      build.result = undefined;
      build.finishTime = Number.NaN;
      ctx.events.emit({ kind: 'run.state', build: build.id }, retryAt);
      startDeployment(ctx, build, index, retryAt, expedite);
    });
  }
}
