/** The work items, workflow, teams and sprints of the hand-made data set (see deliveryApiSeed.ts). */
import type { WorkItemRevisionRecord } from '../../../service/src/domain/records.ts';
import type { Storage } from '../../../service/src/app/openRepository.ts';
import { deriveColumnChanges } from '../../../service/src/sync/normalise/workItems/columnChanges.ts';
import { deriveIterationChanges } from '../../../service/src/sync/normalise/workItems/iterationChanges.ts';
import { deriveTransitions } from '../../../service/src/sync/normalise/workItems/transitions.ts';
import type { RawPage } from '../../../service/src/storage/repository.ts';

export const SHOP = 'Shop';
export const LABS = 'Labs';
export const EMPTY = 'Empty';
export const WINDOW = 'from=2026-05-04&to=2026-05-17';

/** An instant of 2026 in UTC, from 'MM-DDTHH:mm'. */
export const at = (text: string): number => Date.parse(`2026-${text}:00Z`);
let pages = 0;
/** A raw page of its own for each apply. */
export function page(stream: string): RawPage {
  pages++;
  return {
    stream,
    requestUrl: `test://${stream}/${pages}`,
    requestToken: null,
    responseToken: null,
    isLastBatch: true,
    itemCount: 1,
    body: '{}',
  };
}

type Revision = Omit<WorkItemRevisionRecord, 'project' | 'isDeleted' | 'boardColumn' | 'areaPath'>;

function item(
  id: number,
  type: string,
  title: string,
  tags: string[],
  created: string,
  closed: string | null,
): Revision[] {
  const base = { workItemId: id, workItemType: type, title, tags, createdAt: at(created) };
  const revisions: Revision[] = [{ ...base, revision: 1, state: 'New', changedAt: at(created) }];
  if (closed !== null) revisions.push({ ...base, revision: 2, state: 'Closed', changedAt: at(closed) });
  else revisions.push({ ...base, revision: 2, state: 'Active', changedAt: at(created) + 60_000 });
  return revisions;
}

export async function seedWorkItems(storage: Storage, organization: string): Promise<void> {
  const { repository } = storage;
  const states = ['Bug', 'User Story'].flatMap((workItemType) => [
    { workItemType, state: 'New', category: 'Proposed' as const },
    { workItemType, state: 'Active', category: 'InProgress' as const },
    { workItemType, state: 'Closed', category: 'Completed' as const },
  ]);
  for (const project of [SHOP, EMPTY]) {
    await repository.applyWorkflowPage(organization, project, page('test.workflow'), states);
  }
  const revisions: WorkItemRevisionRecord[] = [
    ...item(7, 'User Story', 'Faster checkout', [], '05-01T09:00', '05-05T12:00'),
    ...item(9, 'Bug', 'Coupon rounding', [], '05-01T09:00', '05-06T08:00'),
    ...item(50, 'Bug', 'Incident: payments time out', ['incident'], '05-06T14:00', '05-06T18:00'),
    ...item(51, 'Bug', 'Incident: search returns nothing', ['incident'], '05-08T10:00', '05-09T10:00'),
    ...item(
      52,
      'Bug',
      'Incident: cart empties',
      ['incident', 'deployment:environment:101'],
      '05-13T00:00',
      null,
    ),
  ].map((revision) => ({
    ...revision,
    project: SHOP,
    areaPath: 'Shop',
    isDeleted: false,
    boardColumn: null,
  }));
  await repository.applyRevisionPage(organization, page('test.revisions'), revisions, {
    transitions: deriveTransitions,
    columnChanges: deriveColumnChanges,
    iterationChanges: deriveIterationChanges,
  });
}

export async function seedTeams(storage: Storage, organization: string): Promise<void> {
  const { repository } = storage;
  const teams: [string, string][] = [
    [SHOP, 'Checkout'],
    [SHOP, 'Search'],
    [SHOP, 'Ops'],
    [EMPTY, 'Empty Team'],
  ];
  for (const [project, team] of teams) {
    await repository.applyTeamScopePage(organization, project, team, page('test.scope'), {
      field: 'System.AreaPath',
      values: [{ value: `${project}\\${team}`, includeChildren: true }],
      backlogWorkItemTypes: ['User Story', 'Bug'],
    });
  }
  await repository.applyIterationsPage(organization, SHOP, 'Checkout', page('test.iterations'), [
    {
      id: 'sprint-0',
      name: 'Sprint 0',
      path: 'Shop\\Sprint 0',
      startDay: '2026-04-20',
      finishDay: '2026-05-01',
    },
    {
      id: 'sprint-1',
      name: 'Sprint 1',
      path: 'Shop\\Sprint 1',
      startDay: '2026-05-04',
      finishDay: '2026-05-08',
    },
    {
      id: 'sprint-2',
      name: 'Sprint 2',
      path: 'Shop\\Sprint 2',
      startDay: '2026-05-11',
      finishDay: '2026-05-22',
    },
    { id: 'backlog', name: 'Backlog', path: 'Shop', startDay: null, finishDay: null },
  ]);
}
