import type { OrganizationModel } from '../model/organization.ts';
import { derivedGuid } from '../model/ids.ts';
import type { BuildModel, StageRun, TaskResult } from '../delivery/model.ts';
import { date } from './common.ts';
import { buildUrl, planId } from './builds.ts';

interface RecordSpec {
  readonly key: string;
  readonly parent: string | undefined;
  readonly type: 'Stage' | 'Phase' | 'Job' | 'Task' | 'Checkpoint';
  readonly name: string;
  readonly identifier: string | null;
  readonly order: number;
  readonly state: StageRun['state'];
  readonly result: TaskResult | undefined;
  readonly start: number;
  readonly finish: number;
  readonly attempt: number;
}

const BUILD_TASKS = [
  'Initialize job',
  'Checkout repository',
  'Install dependencies',
  'Run tests',
  'Publish artifact',
  'Finalize Job',
];
const DEPLOY_TASKS = ['Initialize job', 'Download artifact', 'Deploy', 'Smoke test', 'Finalize Job'];

/** Splits a stage's time over its tasks; a failed stage fails at its main task and skips the rest. */
function tasks(
  stage: StageRun,
  names: readonly string[],
  failing: number,
): Omit<RecordSpec, 'key' | 'parent' | 'identifier'>[] {
  const span = Number.isNaN(stage.finishTime) ? 0 : stage.finishTime - stage.startTime;
  return names.map((name, order) => {
    const start = stage.startTime + (span * order) / names.length;
    const finish = stage.startTime + (span * (order + 1)) / names.length;
    const isLast = order === names.length - 1;
    let result: TaskResult | undefined = stage.result;
    if (stage.result === 'failed' || stage.result === 'canceled') {
      if (order < failing) result = 'succeeded';
      else if (order > failing) result = isLast ? 'succeeded' : 'skipped';
    } else if (stage.result === 'succeededWithIssues' && order !== failing) result = 'succeeded';
    const running = stage.state === 'inProgress';
    const reached = !Number.isNaN(stage.startTime);
    return {
      type: 'Task' as const,
      name,
      order: order + 1,
      state: running ? (order === 0 ? 'inProgress' : 'pending') : stage.state,
      result: running ? undefined : result,
      start: reached && (!running || order === 0) ? start : Number.NaN,
      finish: running ? Number.NaN : finish,
      attempt: stage.attempt,
    };
  });
}

function records(model: OrganizationModel, build: BuildModel): RecordSpec[] {
  const pipeline = model.delivery.pipelines[build.pipeline];
  const out: RecordSpec[] = [];
  build.stages.forEach((stage, index) => {
    const def = pipeline?.stages[index];
    if (!def) return;
    const isDeploy = def.environment !== -1;
    const stageKey = `stage:${def.name}`;
    const base = {
      state: stage.state,
      result: stage.result,
      start: stage.startTime,
      finish: stage.finishTime,
      attempt: stage.attempt,
    };
    out.push({
      key: stageKey,
      parent: undefined,
      type: 'Stage',
      name: def.displayName,
      identifier: def.name,
      order: index + 1,
      ...base,
    });
    const environment = model.delivery.environments[def.environment]?.name;
    if (environment === 'production' && stage.result !== 'skipped') {
      const checkpoint = `${stageKey}:checkpoint`;
      const approved = !Number.isNaN(stage.startTime);
      out.push({
        key: checkpoint,
        parent: stageKey,
        type: 'Checkpoint',
        name: 'Checkpoint',
        identifier: `Checkpoint`,
        order: 0,
        state: approved ? 'completed' : 'inProgress',
        result: approved ? 'succeeded' : undefined,
        start: Number.NaN,
        finish: stage.startTime,
        attempt: 1,
      });
    }
    const jobName = isDeploy ? 'Deploy' : 'Build';
    const phaseKey = `${stageKey}:phase`;
    const jobKey = `${stageKey}:job`;
    out.push({
      key: phaseKey,
      parent: stageKey,
      type: 'Phase',
      name: jobName,
      identifier: `${def.name}.${jobName}`,
      order: 1,
      ...base,
    });
    out.push({
      key: jobKey,
      parent: phaseKey,
      type: 'Job',
      name: jobName,
      identifier: `${def.name}.${jobName}.__default`,
      order: 1,
      ...base,
    });
    if (Number.isNaN(stage.startTime)) return;
    const names = isDeploy ? DEPLOY_TASKS : BUILD_TASKS;
    tasks(stage, names, isDeploy ? 2 : 3).forEach((task, order) =>
      out.push({ ...task, key: `${jobKey}:task:${order}`, parent: jobKey, identifier: null }),
    );
  });
  return out;
}

/** The build's timeline: Stage → Phase → Job → Task records (and approval checkpoints). No paging. */
export function timelinePayload(
  organizationUrl: string,
  model: OrganizationModel,
  build: BuildModel,
): Record<string, unknown> {
  const plan = planId(model, build);
  const guid = (key: string): string => derivedGuid(model.seed, `timeline:${build.id}:${key}`);
  const specs = records(model, build);
  const lastChanged =
    [build.finishTime, build.startTime, build.queueTime].find((time) => !Number.isNaN(time)) ??
    build.queueTime;
  return {
    records: specs.map((spec) => ({
      previousAttempts:
        spec.attempt > 1
          ? [
              {
                attempt: spec.attempt - 1,
                timelineId: plan,
                recordId: guid(`${spec.key}:attempt:${spec.attempt - 1}`),
              },
            ]
          : [],
      id: guid(spec.key),
      parentId: spec.parent === undefined ? null : guid(spec.parent),
      type: spec.type,
      name: spec.name,
      ...(Number.isNaN(spec.start) ? {} : { startTime: date(spec.start) }),
      ...(Number.isNaN(spec.finish) ? {} : { finishTime: date(spec.finish) }),
      currentOperation: null,
      percentComplete: spec.state === 'completed' ? 100 : 0,
      state: spec.state,
      ...(spec.result === undefined ? {} : { result: spec.result }),
      resultCode: null,
      changeId: spec.order,
      lastModified: date(lastChanged),
      workerName: spec.type === 'Job' && !Number.isNaN(spec.start) ? 'Hosted Agent' : null,
      order: spec.order,
      details: null,
      errorCount: spec.result === 'failed' ? 1 : 0,
      warningCount: spec.result === 'succeededWithIssues' ? 1 : 0,
      url: null,
      log: null,
      task: null,
      attempt: spec.attempt,
      identifier: spec.identifier,
    })),
    lastChangedBy: '00000002-0000-8888-8000-000000000000',
    lastChangedOn: date(lastChanged),
    id: plan,
    changeId: specs.length,
    url: `${buildUrl(organizationUrl, model, build)}/Timeline/${plan}`,
  };
}
