/** How a build's stages end and how a run completes once they have (shared by builds and deploy stages). */
import type { Random } from '../model/random.ts';
import type { DeliveryContext } from './context.ts';
import type { BuildModel, BuildResult, StageRun, TaskResult } from './model.ts';
import { MINUTE, SECOND, logNormal } from './timing.ts';
import { createRelease } from './releases.ts';

/** The result of a stage that ran, drawn with the given failure rate. */
export function stageOutcome(random: Random, failRate: number, issuesRate: number): TaskResult {
  const roll = random.next();
  if (roll < failRate) return 'failed';
  if (roll < failRate + 0.01) return 'canceled';
  if (roll < failRate + 0.01 + issuesRate) return 'succeededWithIssues';
  return 'succeeded';
}

export function buildResultOf(stages: readonly StageRun[]): BuildResult {
  if (stages.some((stage) => stage.result === 'failed' || stage.result === 'abandoned')) return 'failed';
  if (stages.some((stage) => stage.result === 'canceled')) return 'canceled';
  if (stages.some((stage) => stage.result === 'succeededWithIssues')) return 'partiallySucceeded';
  return 'succeeded';
}

export function skipStage(stage: StageRun): void {
  stage.state = 'completed';
  stage.result = 'skipped';
}

/** Completes the run once no stage is pending or running. */
export function completeIfDone(ctx: DeliveryContext, build: BuildModel, at: number): void {
  if (build.status === 'completed' || build.stages.some((stage) => stage.state !== 'completed')) return;
  build.status = 'completed';
  build.result = buildResultOf(build.stages);
  build.finishTime = at;
  ctx.events.emit({ kind: 'run.state', build: build.id }, at);
  ctx.events.emit({ kind: 'build.complete', build: build.id }, at);
  const pipeline = ctx.model.delivery.pipelines[build.pipeline];
  if (
    pipeline &&
    pipeline.releaseDefinition !== -1 &&
    build.pullRequest === 0 &&
    build.reason !== 'schedule'
  ) {
    if (build.result === 'succeeded' || build.result === 'partiallySucceeded')
      createRelease(
        ctx,
        pipeline.releaseDefinition,
        build,
        at +
          logNormal(
            ctx.stream(`release:${pipeline.releaseDefinition}`),
            MINUTE,
            0.5,
            10 * SECOND,
            10 * MINUTE,
          ),
      );
  }
}
