import { describe, expect, it } from 'vitest';
import {
  blankDeploymentTarget,
  type DeploymentRecord,
  type DeploymentTargets,
} from '../../../../service/src/domain/delivery.ts';
import {
  pipelineKeyOf,
  productionRowSelector,
  selectProductionDeployments,
  type ProductionRules,
} from '../../../../service/src/metrics/delivery/index.ts';
import { deployment } from './fixtures.ts';

const FINISHED = '2026-03-02T10:00Z';

interface Case {
  name: string;
  deployments: DeploymentRecord[];
  rules?: ProductionRules;
  expected:
    | { status: 'ok'; ids: string[] }
    | { status: 'noDeploymentRecords' }
    | { status: 'noProductionEnvironment'; names: string[] };
}

const cases: Case[] = [
  { name: 'no records at all', deployments: [], expected: { status: 'noDeploymentRecords' } },
  {
    name: 'records but no environment named like production',
    deployments: [
      deployment({ id: 'e1', finished: FINISHED, build: 1, environment: 'Staging' }),
      deployment({ id: 'e2', finished: FINISHED, build: 1, environment: 'dev' }),
    ],
    expected: { status: 'noProductionEnvironment', names: ['Staging', 'dev'] },
  },
  {
    name: 'default mark /prod/i matches Production, PROD and prod-eu, not staging',
    deployments: [
      deployment({ id: 'a', finished: FINISHED, build: 1, environment: 'Production' }),
      deployment({ id: 'b', finished: FINISHED, build: 1, environment: 'PROD' }),
      deployment({ id: 'c', finished: FINISHED, build: 1, environment: 'prod-eu' }),
      deployment({ id: 'd', finished: FINISHED, build: 1, environment: 'staging' }),
    ],
    expected: { status: 'ok', ids: ['a', 'b', 'c'] },
  },
  {
    name: 'a per-project mark replaces the default for that project only',
    deployments: [
      deployment({ id: 'live', finished: FINISHED, build: 1, environment: 'Live', project: 'Contoso' }),
      deployment({
        id: 'contoso-prod',
        finished: FINISHED,
        build: 1,
        environment: 'prod-test',
        project: 'Contoso',
      }),
      deployment({ id: 'fabrikam-prod', finished: FINISHED, build: 2, environment: 'Production' }),
    ],
    rules: {
      default: { environmentNamePattern: 'prod', stageNamePattern: 'prod' },
      byProject: new Map([['Contoso', { environmentNamePattern: '^live$', stageNamePattern: '^live$' }]]),
    },
    expected: { status: 'ok', ids: ['live', 'fabrikam-prod'] },
  },
  {
    name: 'stage records count for a pipeline deploying without environments',
    deployments: [
      deployment({
        id: 's1',
        finished: FINISHED,
        build: 1,
        source: 'pipelineStage',
        environment: null,
        stage: 'Deploy_Prod',
        pipeline: 7,
      }),
      deployment({
        id: 's2',
        finished: FINISHED,
        build: 1,
        source: 'pipelineStage',
        environment: null,
        stage: 'Test',
        pipeline: 7,
      }),
    ],
    expected: { status: 'ok', ids: ['s1'] },
  },
  {
    name: 'stage records are ignored for a pipeline that has environment records',
    deployments: [
      deployment({ id: 'env', finished: FINISHED, build: 1, environment: 'Production', pipeline: 7 }),
      deployment({
        id: 'stage',
        finished: FINISHED,
        build: 1,
        source: 'pipelineStage',
        environment: null,
        stage: 'Prod',
        pipeline: 7,
      }),
    ],
    expected: { status: 'ok', ids: ['env'] },
  },
  {
    name: 'classic release environments are matched by name like YAML environments',
    deployments: [
      deployment({
        id: 'classicRelease:79',
        finished: FINISHED,
        build: 1,
        source: 'classicRelease',
        environment: 'PROD',
      }),
      deployment({
        id: 'classicRelease:80',
        finished: FINISHED,
        build: 1,
        source: 'classicRelease',
        environment: 'QA',
      }),
    ],
    expected: { status: 'ok', ids: ['classicRelease:79'] },
  },
];

describe('selectProductionDeployments', () => {
  it.each(cases)('$name', ({ deployments, rules, expected }) => {
    const selection = selectProductionDeployments(deployments, rules);
    if (expected.status === 'ok') {
      expect(selection.status).toBe('ok');
      if (selection.status === 'ok') expect(selection.deployments.map((d) => d.id)).toEqual(expected.ids);
    } else if (expected.status === 'noProductionEnvironment') {
      expect(selection).toEqual({ status: 'noProductionEnvironment', targetNamesSeen: expected.names });
    } else {
      expect(selection).toEqual(expected);
    }
  });
});

/** The targets of records, as a column store gives them: one object refilled for every row. */
function targetsOf(deployments: readonly DeploymentRecord[]): DeploymentTargets {
  const target = blankDeploymentTarget();
  return {
    count: deployments.length,
    at: (row) => {
      const record = deployments[row];
      if (record === undefined) throw new Error(`no row ${row}`);
      return Object.assign(target, {
        source: record.source,
        project: record.project,
        pipelineId: record.pipelineId,
        environmentName: record.environmentName,
        stageName: record.stageName,
      });
    },
  };
}

const DEFAULT_RULES: ProductionRules = {
  default: { environmentNamePattern: 'prod', stageNamePattern: 'prod' },
};

describe('productionRowSelector', () => {
  it.each(cases)('$name', ({ deployments, rules, expected }) => {
    const rows = productionRowSelector(rules ?? DEFAULT_RULES)(targetsOf(deployments));
    if (expected.status !== 'ok') {
      // Nothing is production: every row is read, so that the view can name the targets it saw.
      expect(rows).toBeUndefined();
      return;
    }
    const kept = Array.from(rows ?? [], (row) => deployments[row]);
    expect(kept.map((d) => d?.id)).toEqual(expected.ids);
    // The engine selects again from the kept records, and must find the same ones.
    const again = selectProductionDeployments(
      kept.filter((d) => d !== undefined),
      rules,
    );
    expect(again.status === 'ok' ? again.deployments.map((d) => d.id) : again).toEqual(expected.ids);
  });

  it('keeps a stage record whose pipeline has only non-production environment records out', () => {
    const deployments = [
      deployment({ id: 'staging', finished: FINISHED, build: 1, environment: 'Staging', pipeline: 7 }),
      deployment({
        id: 'stage',
        finished: FINISHED,
        build: 1,
        source: 'pipelineStage',
        environment: null,
        stage: 'Deploy_Prod',
        pipeline: 7,
      }),
      deployment({ id: 'prod', finished: FINISHED, build: 2, environment: 'Production', pipeline: 8 }),
    ];
    // Selecting again from the kept rows alone would take the stage record: the selector must not keep it.
    const rows = productionRowSelector(DEFAULT_RULES)(targetsOf(deployments));
    expect(Array.from(rows ?? [])).toEqual([2]);
  });
});

describe('pipelineKeyOf', () => {
  it.each([
    ['environment', 'Fabrikam/build/3'],
    ['pipelineStage', 'Fabrikam/build/3'],
    ['classicRelease', 'Fabrikam/release/3'],
  ] as const)('%s records of definition 3 → %s', (source, key) => {
    expect(pipelineKeyOf(deployment({ id: 'x', finished: FINISHED, build: 1, source, pipeline: 3 }))).toBe(
      key,
    );
  });
});
