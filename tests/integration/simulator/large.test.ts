import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connected } from './support.ts';
import { connect, failure, statusOf } from './support.ts';
import { revisionsOf } from '../../unit/simulator/revisions.ts';
import type { PlainRevision } from '../../unit/simulator/revisions.ts';

/** A fifth of the large organization: every feature of it, generated in seconds. */
let c: Connected;
let revisions: PlainRevision[];
beforeAll(async () => {
  c = await connect({ seed: 8, scale: 'large', largeFactor: 0.2, rateLimit: { maxDelayMs: 20 } });
  revisions = revisionsOf(c.sim.model);
}, 120_000);
afterAll(async () => {
  await c.sim.close();
});

function itemsWhere(predicate: (list: PlainRevision[]) => boolean): number {
  const items = new Map<number, PlainRevision[]>();
  for (const revision of revisions) items.set(revision.id, [...(items.get(revision.id) ?? []), revision]);
  return [...items.values()].filter(predicate).length;
}

describe('the large organization (at a fifth of its size)', () => {
  it('has six projects on Agile, Scrum, Basic, CMMI and an inherited process with its custom state', async () => {
    const core = await c.api.getCoreApi();
    const projects = await core.getProjects();
    expect(projects.map((project) => project.name)).toEqual([
      'Seika Demo',
      'Seika Platform',
      'Seika Data',
      'Seika Support',
      'Seika Compliance',
      'Seika Labs',
    ]);
    const templates = await Promise.all(
      projects.map(
        async (project) =>
          (await core.getProject(project.id ?? '', true)).capabilities?.processTemplate?.templateName,
      ),
    );
    expect(templates).toEqual(['Agile', 'Seika Agile', 'Scrum', 'Basic', 'CMMI', 'Agile']);
    expect((await core.getTeams('Seika Data')).length).toBe(4);
    const wit = await c.api.getWorkItemTrackingApi();
    expect(
      (await wit.getWorkItemTypeStates('Seika Platform', 'User Story')).map((state) => state.name),
    ).toContain('In Review');
    expect(
      (await wit.getWorkItemTypeStates('Seika Data', 'Product Backlog Item')).map(
        (state) => `${state.name}:${state.category}`,
      ),
    ).toContain('Approved:Proposed');
    expect((await wit.getWorkItemTypeStates('Seika Support', 'Issue')).map((state) => state.name)).toEqual([
      'To Do',
      'Doing',
      'Done',
    ]);
    const work = await c.api.getWorkApi();
    const columns = await work.getBoardColumns({ project: 'Seika Demo', team: 'Web Team' }, 'Stories');
    expect(columns.find((column) => column.name === 'Active')?.isSplit).toBe(true);
  });

  it('has a realistic flow: moves, type changes, deletions, reopening, backward moves, the custom state', () => {
    expect(revisions.length).toBeGreaterThan(150_000);
    const teamOf = (area: string): string => area.split('\\').slice(0, 2).join('\\');
    expect(
      itemsWhere((list) => new Set(list.map((revision) => teamOf(revision.area))).size > 1),
    ).toBeGreaterThan(50);
    expect(itemsWhere((list) => new Set(list.map((revision) => revision.project)).size > 1)).toBeGreaterThan(
      3,
    );
    expect(itemsWhere((list) => new Set(list.map((revision) => revision.type)).size > 1)).toBeGreaterThan(50);
    expect(itemsWhere((list) => list.some((revision) => revision.deleted))).toBeGreaterThan(50);
    expect(itemsWhere((list) => list.some((revision) => revision.state === 'In Review'))).toBeGreaterThan(
      100,
    );
    const sequence = (list: PlainRevision[]): string =>
      list
        .map((revision) => revision.state)
        .filter((state, index, all) => index === 0 || all[index - 1] !== state)
        .join('>');
    expect(
      itemsWhere((list) => /Closed>Active|Done>Committed|Done>Doing/.test(sequence(list))),
    ).toBeGreaterThan(50);
    expect(itemsWhere((list) => /Resolved>Active/.test(sequence(list)))).toBeGreaterThan(50);
    expect(
      itemsWhere(
        (list) =>
          list.at(-1)?.state === 'New' || list.at(-1)?.state === 'Proposed' || list.at(-1)?.state === 'To Do',
      ),
    ).toBeGreaterThan(500);
    const { delivery } = c.sim.model;
    expect(delivery.builds.length).toBeGreaterThan(30_000);
    expect(delivery.incidents.length).toBeGreaterThan(100);
    expect(new Set(delivery.incidents.map((incident) => incident.projectIndex)).size).toBe(6);
  });

  it('answers VS402337 to a WIQL query of more than 20,000 work items unless $top bounds it', async () => {
    expect(c.sim.model.workItems.maxWorkItemId).toBeGreaterThan(20_000);
    const wit = await c.api.getWorkItemTrackingApi();
    const query = { query: 'SELECT [System.Id] FROM WorkItems' };
    const error = await failure(wit.queryByWiql(query, { project: 'Seika Demo' }));
    expect(statusOf(error)).toBe(400);
    expect(String(error)).toContain(
      'VS402337: The number of work items returned exceeds the size limit of 20000.',
    );
    expect((await wit.queryByWiql(query, { project: 'Seika Demo' }, undefined, 100)).workItems).toHaveLength(
      100,
    );
    const support = await wit.queryByWiql(
      { query: 'SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = @project' },
      { project: 'Seika Support' },
    );
    expect(support.workItems?.length).toBeGreaterThan(100);
  });

  it('scopes reporting revisions by project (items that moved away stop showing there)', async () => {
    const wit = await c.api.getWorkItemTrackingApi();
    const batch = await wit.readReportingRevisionsGet(
      'Seika Data',
      ['System.TeamProject'],
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      1000,
    );
    expect(batch.values?.length).toBe(1000);
    expect((batch.values ?? []).every((value) => value.fields?.['System.TeamProject'] === 'Seika Data')).toBe(
      true,
    );
  });

  it('delays a naive one-item-at-a-time crawl long before it is done', async () => {
    c.sim.resetRateLimit();
    let requests = 0;
    let firstHeader = 0;
    let firstDelay = 0;
    for (let id = 1; id <= 2000 && firstDelay === 0; id += 1) {
      const response = await c.get(`_apis/wit/workitems/${id}?api-version=7.1`);
      requests += 1;
      if (firstHeader === 0 && response.headers.get('x-ratelimit-remaining') !== null) firstHeader = requests;
      if (response.headers.get('x-ratelimit-delay') !== null) firstDelay = requests;
    }
    expect(firstHeader).toBeGreaterThan(500);
    expect(firstDelay).toBeGreaterThan(firstHeader);
    expect(firstDelay).toBeLessThan(1000);
  });
});
