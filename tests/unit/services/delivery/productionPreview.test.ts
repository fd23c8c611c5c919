import { describe, expect, it } from 'vitest';
import type { DeploymentRecord } from '../../../../service/src/domain/delivery.ts';
import type { ProductionRule } from '../../../../service/src/metrics/delivery/index.ts';
import { previewProductionRule } from '../../../../service/src/services/delivery/productionPreview.ts';
import { deployment } from '../../metrics/delivery/fixtures.ts';

const rule = (environment: string, stage = environment): ProductionRule => ({
  environmentNamePattern: environment,
  stageNamePattern: stage,
});
const link = (record: DeploymentRecord) => (record.buildId === null ? null : `run/${record.buildId}`);

const RECORDS: readonly DeploymentRecord[] = [
  deployment({ id: 'e1', finished: '2026-05-01T10:00:00Z', build: 1, environment: 'Production' }),
  deployment({ id: 'e2', finished: '2026-05-03T10:00:00Z', build: 2, environment: 'Production' }),
  deployment({
    id: 'e3',
    finished: '2026-05-04T10:00:00Z',
    build: 3,
    environment: 'Production',
    outcome: 'failed',
  }),
  deployment({ id: 'e4', finished: null, build: 4, environment: 'Production', outcome: 'inProgress' }),
  deployment({ id: 's1', finished: '2026-05-02T10:00:00Z', build: 1, environment: 'Staging' }),
  deployment({ id: 's2', finished: '2026-05-02T11:00:00Z', build: 2, environment: 'staging-eu' }),
  // A pipeline without environments: its stages are the targets.
  deployment({
    id: 'p1',
    finished: '2026-05-05T10:00:00Z',
    build: 9,
    pipeline: 7,
    source: 'pipelineStage',
    environment: null,
    stage: 'Prod_Deploy',
  }),
  // A stage record of a pipeline that has environment records: the engine ignores it, so does the preview.
  deployment({
    id: 'ignored',
    finished: '2026-05-05T11:00:00Z',
    build: 1,
    source: 'pipelineStage',
    environment: null,
    stage: 'Ship',
  }),
];

describe('services/delivery/productionPreview', () => {
  it('selects what the engine selects, with counts and the newest deployments of each matched target', () => {
    const preview = previewProductionRule(RECORDS, rule('prod'), rule('prod'), { link });

    expect(preview.matched.total).toBe(2);
    expect(preview.matched.items.map((target) => [target.kind, target.name])).toEqual([
      ['environment', 'Production'],
      ['stage', 'Prod_Deploy'],
    ]);
    const production = preview.matched.items[0];
    expect(production).toMatchObject({
      deployments: 4,
      successful: 2,
      lastFinishedAt: '2026-05-04T10:00:00.000Z',
      savedProduction: true,
    });
    expect(production?.recent.map((entry) => entry.id)).toEqual(['e3', 'e2', 'e1']);
    expect(production?.recent[0]).toEqual({
      id: 'e3',
      pipeline: 'pipeline-1',
      finishedAt: '2026-05-04T10:00:00.000Z',
      outcome: 'failed',
      url: 'run/3',
    });
    expect(preview.unmatched.items.map((target) => target.name)).toEqual(['Staging', 'staging-eu']);
    expect(preview.unmatched.items.every((target) => target.recent.length === 0)).toBe(true);
    expect(preview.draftSelects).toEqual({ targets: 2, deployments: 5, successful: 3 });
    expect(preview.savedSelects).toEqual(preview.draftSelects);
    expect(preview.changes).toEqual({ added: { total: 0, names: [] }, removed: { total: 0, names: [] } });
    expect(preview.productionChanges).toBe(false);
  });

  it.each([
    {
      name: 'a wider draft adds targets',
      draft: rule('prod|staging', 'prod'),
      added: ['Staging', 'staging-eu'],
      removed: [],
      matched: 4,
    },
    {
      name: 'a list of exact names drops the others',
      draft: rule('^(?:staging)$', 'nothing-matches'),
      added: ['Staging'],
      removed: ['Production', 'Prod_Deploy'],
      matched: 1,
    },
    {
      name: 'a rule matching nothing removes every target',
      draft: rule('^$'),
      added: [],
      removed: ['Production', 'Prod_Deploy'],
      matched: 0,
    },
  ])('compares with the saved rule: $name', ({ draft, added, removed, matched }) => {
    const preview = previewProductionRule(RECORDS, draft, rule('prod'), { link });

    expect(preview.matched.total).toBe(matched);
    expect(preview.changes.added).toEqual({ total: added.length, names: added });
    expect(preview.changes.removed).toEqual({ total: removed.length, names: removed });
    expect(preview.productionChanges).toBe(true);
    expect(preview.matched.total + preview.unmatched.total).toBe(4);
  });

  it('bounds each list and the recent deployments, and says how many there are in all', () => {
    const many = Array.from({ length: 12 }, (_unused, index) =>
      deployment({
        id: `d${index}`,
        finished: `2026-05-${String(index + 1).padStart(2, '0')}T00:00:00Z`,
        build: index + 1,
        environment: `prod-${String(index).padStart(2, '0')}`,
      }),
    );
    const preview = previewProductionRule(many, rule('prod'), rule('^$'), {
      link,
      limits: { targets: 5, recentPerTarget: 1 },
    });

    expect(preview.matched.total).toBe(12);
    expect(preview.matched.items).toHaveLength(5);
    expect(preview.changes.added.total).toBe(12);
    expect(preview.changes.added.names).toHaveLength(5);
    expect(preview.matched.items.every((target) => target.recent.length === 1)).toBe(true);
  });

  it('answers empty lists when nothing was synchronised', () => {
    const preview = previewProductionRule([], rule('prod'), rule('prod'), { link });

    expect(preview.matched).toEqual({ total: 0, items: [] });
    expect(preview.unmatched).toEqual({ total: 0, items: [] });
    expect(preview.draftSelects).toEqual({ targets: 0, deployments: 0, successful: 0 });
  });
});
