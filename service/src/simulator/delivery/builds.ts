import type { DeliveryContext } from './context.ts';
import type { BuildModel, BuildSource, TaskResult } from './model.ts';
import { DAY, MINUTE, SECOND, logNormal } from './timing.ts';
import { runDeployStage } from './deployStages.ts';
import { completeIfDone, skipStage, stageOutcome } from './stages.ts';

function buildNumber(ctx: DeliveryContext, pipeline: number, at: number): string {
  const state = ctx.pipelineStates[pipeline];
  const day = Math.floor(at / DAY);
  if (!state) return '1';
  if (state.day !== day) {
    state.day = day;
    state.runsThatDay = 0;
  }
  state.runsThatDay += 1;
  return `${new Date(at).toISOString().slice(0, 10).replace(/-/g, '')}.${state.runsThatDay}`;
}

/**
 * Queues a run of `pipeline` at `at` (the run and its id come into being then, so ids follow queue
 * order): it starts after an agent frees up and walks its stages.
 */
export function queueBuild(
  ctx: DeliveryContext,
  pipelineIndex: number,
  source: BuildSource,
  at: number,
): void {
  ctx.scheduler.at(at, () => createBuild(ctx, pipelineIndex, source, at));
}

function createBuild(ctx: DeliveryContext, pipelineIndex: number, source: BuildSource, at: number): void {
  const { delivery } = ctx.model;
  const pipeline = delivery.pipelines[pipelineIndex];
  const state = ctx.pipelineStates[pipelineIndex];
  if (!pipeline || !state) throw new Error(`no pipeline ${pipelineIndex}`);
  const onMain = source.pullRequest === 0;
  const changesAfter = onMain ? state.lastBuiltMain : -1;
  if (onMain) state.lastBuiltMain = Math.max(state.lastBuiltMain, source.sourceCommit);
  const build: BuildModel = {
    id: ++ctx.counters.build,
    pipeline: pipelineIndex,
    projectIndex: pipeline.projectIndex,
    repository: pipeline.repository,
    reason: source.reason,
    buildNumber: buildNumber(ctx, pipelineIndex, at),
    queueTime: at,
    pullRequest: source.pullRequest,
    sourceCommit: source.sourceCommit,
    changesAfter,
    requestedFor: source.requestedFor,
    status: 'notStarted',
    result: undefined,
    startTime: Number.NaN,
    finishTime: Number.NaN,
    stages: pipeline.stages.map(() => ({
      state: 'pending',
      attempt: 1,
      result: undefined,
      startTime: Number.NaN,
      finishTime: Number.NaN,
      deploymentRecord: 0,
    })),
  };
  delivery.builds.push(build);
  ctx.events.emit({ kind: 'run.state', build: build.id }, at);
  const random = ctx.stream(`builds:${pipelineIndex}`);
  const startAt = at + logNormal(random, 40 * SECOND, 0.9, 3 * SECOND, 20 * MINUTE);
  ctx.scheduler.at(startAt, () => startBuild(ctx, build, source, startAt));
}

function startBuild(ctx: DeliveryContext, build: BuildModel, source: BuildSource, at: number): void {
  const random = ctx.stream(`builds:${build.pipeline}`);
  build.status = 'inProgress';
  build.startTime = at;
  ctx.events.emit({ kind: 'run.state', build: build.id }, at);
  const stage = build.stages[0];
  if (!stage) return;
  stage.state = 'inProgress';
  stage.startTime = at;
  ctx.events.emit({ kind: 'stage.state', build: build.id, stage: 0 }, at);
  const duration = logNormal(random, 6 * MINUTE, 0.45, 90 * SECOND, 50 * MINUTE);
  const result = stageOutcome(random, source.reason === 'pullRequest' ? 0.1 : 0.07, 0.03);
  ctx.scheduler.at(at + duration, () => finishBuildStage(ctx, build, source, result, at + duration));
}

function finishBuildStage(
  ctx: DeliveryContext,
  build: BuildModel,
  source: BuildSource,
  result: TaskResult,
  at: number,
): void {
  const stage = build.stages[0];
  if (!stage) return;
  stage.state = 'completed';
  stage.result = result;
  stage.finishTime = at;
  ctx.events.emit({ kind: 'stage.state', build: build.id, stage: 0 }, at);
  const passed = result === 'succeeded' || result === 'succeededWithIssues';
  const deploys = passed && source.pullRequest === 0;
  for (let index = 1; index < build.stages.length; index += 1) {
    const later = build.stages[index];
    // Pull request runs and failed builds skip deployments; scheduled runs only refresh dev.
    if (later && (!deploys || (source.reason === 'schedule' && index > 1))) skipStage(later);
  }
  if (deploys && build.stages.length > 1 && build.stages[1]?.state === 'pending')
    runDeployStage(ctx, build, 1, at + 5 * SECOND, source.expedite);
  completeIfDone(ctx, build, at);
}
