/**
 * Team-scoped reads return exactly what the project-wide read filtered to the team returned: the same
 * items in the same order with the same transitions, and the same board-column moves, on both backends,
 * for area paths written in other case, with stray separators, children, look-alike siblings, types
 * outside the backlog, and items of other projects on the same paths.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamScope, WorkItemRevisionRecord } from '../../../service/src/domain/records.ts';
import { DEFAULT_TEAM_FLOW_CONFIG, selectItems } from '../../../service/src/metrics/index.ts';
import { createRandom } from '../../../service/src/metrics/forecast/random.ts';
import { loadTeamColumnHistory, loadTeamFlowData } from '../../../service/src/services/flow/teamData.ts';
import type { SeikaRepository } from '../../../service/src/storage/repository.ts';
import { deriveColumnChanges } from '../../../service/src/sync/normalise/workItems/columnChanges.ts';
import { deriveIterationChanges } from '../../../service/src/sync/normalise/workItems/iterationChanges.ts';
import { deriveTransitions } from '../../../service/src/sync/normalise/workItems/transitions.ts';
import { page } from '../delivery/seedWork.ts';
import { BACKENDS, openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

const ORG = 'org-a';
const AREAS = [
  'P\\Web',
  'p\\web',
  '\\P\\Web\\',
  'P\\Web\\Checkout',
  'P\\WEB\\Checkout\\Deep',
  'P\\Website',
  'P\\Ops',
  'P\\Ops\\Child',
  'P',
  'P\\Other',
  'P\\Wéb',
];
const TYPES = ['User Story', 'user story', 'Bug', 'BUG', 'Task', 'Epic'];
const STATES = ['New', 'Active', 'Resolved', 'Closed'];
const COLUMNS = ['Backlog', 'Doing', 'Done'];

/** Items of P and of Q (same paths), each with a few revisions moving state and board column. */
function revisions(): WorkItemRevisionRecord[] {
  const random = createRandom(13);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const all: WorkItemRevisionRecord[] = [];
  for (let id = 1; id <= 400; id++) {
    const project = id % 5 === 0 ? 'Q' : 'P';
    const workItemType = pick(TYPES);
    const areaPath = pick(AREAS);
    const createdAt = Date.UTC(2026, 0, 1) + id * 3_600_000;
    const count = 1 + Math.floor(random() * 4);
    for (let revision = 1; revision <= count; revision++) {
      all.push({
        workItemId: id,
        revision,
        project,
        workItemType,
        title: `Item ${id}`,
        areaPath: revision === count ? areaPath : pick(AREAS),
        state: STATES[Math.min(revision - 1, STATES.length - 1)] ?? 'New',
        tags: [],
        createdAt,
        changedAt: createdAt + revision * 86_400_000,
        isDeleted: false,
        boardColumn: random() < 0.8 ? pick(COLUMNS) : null,
      });
    }
  }
  return all;
}

const SCOPES: Record<string, TeamScope> = {
  'web with children and ops alone': {
    field: 'System.AreaPath',
    values: [
      { value: 'P\\Web', includeChildren: true },
      { value: '\\p\\ops\\', includeChildren: false },
    ],
    backlogWorkItemTypes: ['User Story', 'Bug'],
  },
  'the root without children, bugs only': {
    field: 'System.AreaPath',
    values: [{ value: 'P', includeChildren: false }],
    backlogWorkItemTypes: ['bug'],
  },
  'a path nobody uses': {
    field: 'System.AreaPath',
    values: [{ value: 'P\\Nowhere', includeChildren: true }],
    backlogWorkItemTypes: ['User Story'],
  },
};

describe.each(BACKENDS)('team-scoped reads on %s', (backend) => {
  const directory = temporaryDirectory('team-reads');
  let test: TestRepository;
  let repository: SeikaRepository;

  beforeAll(async () => {
    test = await openTestRepository(backend, directory.path, 'team-reads');
    repository = test.repository;
    await repository.applyRevisionPage(ORG, page('test.revisions'), revisions(), {
      transitions: deriveTransitions,
      columnChanges: deriveColumnChanges,
      iterationChanges: deriveIterationChanges,
    });
  });

  afterAll(async () => {
    await test.dispose();
    directory.remove();
  });

  it.each(Object.entries(SCOPES))(
    'equal the project-wide read filtered to the team: %s',
    async (name, scope) => {
      await repository.applyTeamScopePage(ORG, 'P', name, page('test.scope'), scope);
      const key = { organization: ORG, project: 'P', team: name };
      for (const measuredTypes of [null, ['Task', 'user story']]) {
        const config = { ...DEFAULT_TEAM_FLOW_CONFIG, workItemTypes: measuredTypes };
        const expected = selectItems(await repository.getFlowItems(ORG, 'P'), scope, config);
        const data = await loadTeamFlowData(repository, key, measuredTypes);
        expect(data.items).toEqual(expected);
        // The engine's own selection over the team's items keeps every one of them.
        expect(selectItems(data.items, scope, config)).toEqual(expected);

        const ids = new Set(expected.map((item) => item.item.id));
        const projectMoves = await repository.getBoardColumnHistory(ORG, 'P');
        const expectedMoves = new Map([...projectMoves].filter(([id]) => ids.has(id)));
        expect(await loadTeamColumnHistory(repository, key, data)).toEqual(expectedMoves);
      }
    },
  );

  it('found items of several kinds in the seeded data (the comparison is not vacuous)', async () => {
    const scope = SCOPES['web with children and ops alone'];
    if (scope === undefined) throw new Error('missing scope');
    const data = await loadTeamFlowData(
      repository,
      { organization: ORG, project: 'P', team: 'web with children and ops alone' },
      null,
    );
    expect(data.items.length).toBeGreaterThan(50);
    expect(new Set(data.items.map((item) => item.item.areaPath)).size).toBeGreaterThan(4);
    expect(new Set(data.items.map((item) => item.item.workItemType)).size).toBe(4);
    expect(data.items.every((item) => item.item.project === 'P')).toBe(true);
  });
});
