import type {
  DeploymentRecord,
  DeploymentRowSelector,
  DeploymentTarget,
  DeploymentTargets,
} from '../../domain/delivery.ts';

/**
 * Which deployments are production deployments (metric definitions, Delivery). Patterns are
 * regular-expression sources matched case-insensitively.
 */
export interface ProductionRule {
  /** Matched against YAML environment names and classic release environment (stage) names. */
  environmentNamePattern: string;
  /** Matched against stage names of pipelines that deploy without environments. */
  stageNamePattern: string;
}

/** Default mark: the name matches /prod/i. */
export const DEFAULT_PRODUCTION_RULE: ProductionRule = {
  environmentNamePattern: 'prod',
  stageNamePattern: 'prod',
};

export interface ProductionRules {
  default: ProductionRule;
  /** Per-project overrides, keyed by project (the same key as DeploymentRecord.project). */
  byProject?: ReadonlyMap<string, ProductionRule>;
}

export const DEFAULT_PRODUCTION_RULES: ProductionRules = { default: DEFAULT_PRODUCTION_RULE };

/** Why no production deployment could be selected, distinguished so the UI never shows a fake zero. */
export type ProductionSelection =
  | { status: 'noDeploymentRecords' }
  /** Records exist but none is marked production; the names seen help the user configure the mark. */
  | { status: 'noProductionEnvironment'; targetNamesSeen: readonly string[] }
  | { status: 'ok'; deployments: readonly DeploymentRecord[] };

/**
 * Identity of a pipeline across sources: YAML environment and stage records of one build
 * definition share it; classic release definitions have their own id space.
 */
export function pipelineKeyOf(
  deployment: Pick<DeploymentRecord, 'project' | 'source' | 'pipelineId'>,
): string {
  const kind = deployment.source === 'classicRelease' ? 'release' : 'build';
  return `${deployment.project}/${kind}/${deployment.pipelineId}`;
}

/** A compiled mark, with its verdict per name cached: records are many, distinct names few. */
interface CompiledRule {
  environment: (name: string) => boolean;
  stage: (name: string) => boolean;
}

function cachedTest(pattern: RegExp): (name: string) => boolean {
  const verdicts = new Map<string, boolean>();
  return (name) => {
    let verdict = verdicts.get(name);
    if (verdict === undefined) {
      verdict = pattern.test(name);
      verdicts.set(name, verdict);
    }
    return verdict;
  };
}

function compile(rule: ProductionRule): CompiledRule {
  return {
    environment: cachedTest(new RegExp(rule.environmentNamePattern, 'i')),
    stage: cachedTest(new RegExp(rule.stageNamePattern, 'i')),
  };
}

/** The name the production mark is matched against: the environment, release environment or stage. */
export function targetNameOf(deployment: DeploymentTarget): string {
  return deployment.source === 'pipelineStage'
    ? deployment.stageName
    : (deployment.environmentName ?? deployment.stageName);
}

/** The records themselves are their targets. */
function targetsOfRecords(deployments: readonly DeploymentRecord[]): DeploymentTargets {
  return {
    count: deployments.length,
    at: (row) => {
      const deployment = deployments[row];
      if (deployment === undefined) throw new Error(`Deployment list has no record at row ${row}`);
      return deployment;
    },
  };
}

interface SelectedRows {
  /** Ascending. */
  rows: Int32Array;
  /** Every target name considered, selected or not. */
  namesSeen: Set<string>;
}

/**
 * The rows of every production deployment attempt, any outcome. Stage records are a fallback for
 * pipelines without environments, so they are ignored for a pipeline that has environment records.
 */
function selectRows(targets: DeploymentTargets, rules: ProductionRules): SelectedRows {
  const { count } = targets;
  const pipelinesWithEnvironments = new Set<string>();
  let anyStage = false;
  for (let row = 0; row < count && !anyStage; row++) anyStage = targets.at(row).source === 'pipelineStage';
  if (anyStage) {
    for (let row = 0; row < count; row++) {
      const target = targets.at(row);
      if (target.source === 'environment') pipelinesWithEnvironments.add(pipelineKeyOf(target));
    }
  }
  const fallback = compile(rules.default);
  const compiledByProject = new Map<string, CompiledRule>();
  const ruleFor = (project: string): CompiledRule => {
    const override = rules.byProject?.get(project);
    if (override === undefined) return fallback;
    let compiled = compiledByProject.get(project);
    if (compiled === undefined) {
      compiled = compile(override);
      compiledByProject.set(project, compiled);
    }
    return compiled;
  };

  // Sized for all and trimmed: growing by push would copy it again and again.
  const rows = new Int32Array(count);
  let selected = 0;
  const namesSeen = new Set<string>();
  // Records come in runs of one project and target: repeat the last verdict without hashing.
  let lastProject: string | undefined;
  let rule = fallback;
  let lastName: string | undefined;
  let lastStage = false;
  let lastVerdict = false;
  for (let row = 0; row < count; row++) {
    const target = targets.at(row);
    if (target.project !== lastProject) {
      lastProject = target.project;
      const projectRule = ruleFor(lastProject);
      if (projectRule !== rule) lastName = undefined;
      rule = projectRule;
    }
    const stage = target.source === 'pipelineStage';
    if (stage && pipelinesWithEnvironments.has(pipelineKeyOf(target))) continue;
    const name = targetNameOf(target);
    if (name !== lastName || stage !== lastStage) {
      namesSeen.add(name);
      lastName = name;
      lastStage = stage;
      lastVerdict = stage ? rule.stage(name) : rule.environment(name);
    }
    if (lastVerdict) rows[selected++] = row;
  }
  return { rows: rows.subarray(0, selected), namesSeen };
}

/** Every production deployment attempt, any outcome (see selectRows). */
export function selectProductionDeployments(
  deployments: readonly DeploymentRecord[],
  rules: ProductionRules = DEFAULT_PRODUCTION_RULES,
): ProductionSelection {
  if (deployments.length === 0) return { status: 'noDeploymentRecords' };
  const { rows, namesSeen } = selectRows(targetsOfRecords(deployments), rules);
  if (rows.length === 0) {
    return { status: 'noProductionEnvironment', targetNamesSeen: [...namesSeen].sort() };
  }
  const production = new Array<DeploymentRecord>(rows.length);
  for (let n = 0; n < rows.length; n++) production[n] = deployments[rows[n] ?? -1] ?? missingRow(n);
  return { status: 'ok', deployments: production };
}

function missingRow(n: number): never {
  throw new Error(`Production row ${n} names no deployment`);
}

/**
 * The rows a stored list's reader should make records of: the production deployments, or every row when
 * none is (the view then says which target names it saw, from every record). Selecting again from the
 * records of these rows gives the same deployments: a stage record kept has no environment record of its
 * pipeline among any row, kept or not.
 */
export function productionRowSelector(rules: ProductionRules): DeploymentRowSelector {
  return (targets) => {
    const { rows } = selectRows(targets, rules);
    return rows.length === 0 ? undefined : rows;
  };
}

/**
 * Pipeline keys numbered in first-seen order, without building a key string per record: records
 * are many, pipelines few.
 */
export class PipelineKeys {
  /** The key of each pipeline number. */
  readonly keys: string[] = [];
  /** The project of each pipeline number, numbered in first-seen order too. */
  readonly projectOf: number[] = [];
  private readonly byProject = new Map<
    string,
    { project: number; builds: Map<number, number>; releases: Map<number, number> }
  >();
  private lastRecord: { project: string; source: DeploymentRecord['source']; pipelineId: number } | undefined;
  private lastNumber = -1;

  /** The pipeline number of a deployment (see pipelineKeyOf). */
  numberOf(deployment: DeploymentRecord): number {
    const last = this.lastRecord;
    if (
      last !== undefined &&
      last.pipelineId === deployment.pipelineId &&
      last.project === deployment.project &&
      (last.source === 'classicRelease') === (deployment.source === 'classicRelease')
    ) {
      return this.lastNumber;
    }
    let project = this.byProject.get(deployment.project);
    if (project === undefined) {
      project = { project: this.byProject.size, builds: new Map(), releases: new Map() };
      this.byProject.set(deployment.project, project);
    }
    const pipelines = deployment.source === 'classicRelease' ? project.releases : project.builds;
    let number = pipelines.get(deployment.pipelineId);
    if (number === undefined) {
      number = this.keys.length;
      pipelines.set(deployment.pipelineId, number);
      this.keys.push(pipelineKeyOf(deployment));
      this.projectOf.push(project.project);
    }
    this.lastRecord = deployment;
    this.lastNumber = number;
    return number;
  }
}
