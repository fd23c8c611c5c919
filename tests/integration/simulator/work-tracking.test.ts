import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardColumnType, TimeFrame } from 'azure-devops-node-api/interfaces/WorkInterfaces.js';
import { WorkItemErrorPolicy } from 'azure-devops-node-api/interfaces/WorkItemTrackingInterfaces.js';
import type { Connected } from './support.ts';
import { connect, failure, statusOf } from './support.ts';
import { reportingLinksBatchSchema } from '../../../service/src/simulator/schemas/index.ts';

const DAY = 86_400_000;

describe('work tracking served to azure-devops-node-api (WorkApi, WorkItemTrackingApi)', () => {
  let c: Connected;
  beforeAll(async () => {
    c = await connect();
  });
  afterAll(async () => {
    await c.sim.close();
  });
  const team = () => ({ project: c.sim.project, team: c.sim.team });

  it('lists two-week sprints and finds the current one', async () => {
    const work = await c.api.getWorkApi();
    const all = await work.getTeamIterations(team());
    expect(all.length).toBeGreaterThan(10);
    for (const iteration of all) {
      const start = iteration.attributes?.startDate?.getTime() ?? 0;
      const finish = iteration.attributes?.finishDate?.getTime() ?? 0;
      expect(finish - start).toBe(11 * DAY);
      expect(new Date(start).getUTCDay()).toBe(1);
    }
    const starts = all.map((iteration) => iteration.attributes?.startDate?.getTime() ?? 0);
    starts.slice(1).forEach((start, index) => expect(start - (starts[index] ?? 0)).toBe(14 * DAY));
    const current = await work.getTeamIterations(team(), 'current');
    expect(current).toHaveLength(1);
    expect(current[0]?.attributes?.timeFrame).toBe(TimeFrame.Current);
    const now = Date.parse('2026-06-01T00:00:00Z');
    expect(current[0]?.attributes?.startDate?.getTime()).toBeLessThanOrEqual(now);
    expect(
      all.filter((iteration) => iteration.attributes?.timeFrame === TimeFrame.Future).length,
    ).toBeGreaterThan(0);
    const one = await work.getTeamIteration(team(), current[0]?.id ?? '');
    expect(one.name).toBe(current[0]?.name);
  });

  it('lists the boards and their columns with state mappings that match the revisions', async () => {
    const work = await c.api.getWorkApi();
    const boards = await work.getBoards(team());
    expect(boards.map((board) => board.name)).toEqual(['Epics', 'Features', 'Stories']);
    const columns = await work.getBoardColumns(team(), 'Stories');
    expect(columns.map((column) => [column.name, column.columnType])).toEqual([
      ['New', BoardColumnType.Incoming],
      ['Active', BoardColumnType.InProgress],
      ['Resolved', BoardColumnType.InProgress],
      ['Closed', BoardColumnType.Outgoing],
    ]);
    expect(columns[1]?.stateMappings).toEqual({ 'User Story': 'Active', Bug: 'Active' });
    expect(columns[1]?.itemLimit).toBe(5);
    expect(columns[1]?.isSplit).toBe(false);
    expect(columns[0]?.isSplit).toBeUndefined();
    const byId = await work.getBoardColumns(team(), boards[2]?.id ?? '');
    expect(byId).toEqual(columns);
    const wit = await c.api.getWorkItemTrackingApi();
    const batch = await wit.readReportingRevisionsGet(
      c.sim.project,
      ['System.BoardColumn', 'System.State', 'System.WorkItemType'],
      ['User Story'],
    );
    for (const value of batch.values ?? []) {
      const column = columns.find((candidate) => candidate.name === value.fields?.['System.BoardColumn']);
      if (value.fields?.['System.State'] !== 'Removed')
        expect(column?.stateMappings?.['User Story']).toBe(value.fields?.['System.State']);
    }
  });

  it('gives bugWorkItems in the process configuration', async () => {
    const work = await c.api.getWorkApi();
    const configuration = await work.getProcessConfiguration(c.sim.project);
    expect(configuration.bugWorkItems?.referenceName).toBe('Microsoft.BugCategory');
    expect(configuration.bugWorkItems?.workItemTypes?.map((type) => type.name)).toEqual(['Bug']);
    expect(configuration.portfolioBacklogs?.map((level) => level.name)).toEqual(['Epics', 'Features']);
  });

  it('pages reporting links as a StreamedBatch, with removals as isActive false', async () => {
    const wit = await c.api.getWorkItemTrackingApi();
    const batch = await wit.getReportingLinksByLinkType(c.sim.project);
    expect(batch.isLastBatch).toBe(true);
    expect(batch.continuationToken).toMatch(/^\d+$/);
    expect(batch.nextLink).toContain(`continuationToken=${batch.continuationToken ?? ''}`);
    // The library types link values as WorkItemRelation; the payload is {rel, sourceId, targetId, changedDate, isActive}.
    const { values } = reportingLinksBatchSchema.parse(batch);
    expect(values.some((link) => link.rel === 'System.LinkTypes.Hierarchy')).toBe(true);
    expect(values.some((link) => link.isActive === false)).toBe(true);
    const times = values.map((link) => new Date(String(link.changedDate)).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const again = await wit.getReportingLinksByLinkType(
      c.sim.project,
      undefined,
      undefined,
      batch.continuationToken,
    );
    expect(again.values).toEqual([]);
    const related = await wit.getReportingLinksByLinkType(c.sim.project, ['System.LinkTypes.Related']);
    expect((related.values ?? []).every((link) => link.rel === 'System.LinkTypes.Related')).toBe(true);
    const hierarchy = values.find((link) => link.rel === 'System.LinkTypes.Hierarchy');
    const child = await wit.getWorkItem(Number(hierarchy?.targetId), undefined, undefined, 1);
    expect(child.fields?.['System.Parent']).toBe(hierarchy?.sourceId);
    expect(child.relations?.some((relation) => relation.rel === 'System.LinkTypes.Hierarchy-Reverse')).toBe(
      true,
    );
  });

  it('gets up to 200 work items in a batch and refuses more with VS403474', async () => {
    const wit = await c.api.getWorkItemTrackingApi();
    const ids = Array.from({ length: 200 }, (_unused, index) => index + 1);
    const items = await wit.getWorkItemsBatch(
      { ids, fields: ['System.Id', 'System.State'], errorPolicy: WorkItemErrorPolicy.Omit },
      c.sim.project,
    );
    expect(items.length).toBe(200);
    const present = items.filter((item) => item !== null);
    expect(present.length).toBeGreaterThan(190);
    for (const item of present)
      expect(Object.keys(item.fields ?? {}).sort()).toEqual(['System.Id', 'System.State']);
    const error = await failure(wit.getWorkItemsBatch({ ids: [...ids, 201] }, c.sim.project));
    expect(statusOf(error)).toBe(400);
    expect(String(error)).toContain('VS403474: You requested 201 work items which exceeds the limit of 200');
    const raw = await c.get(`_apis/wit/workitems?ids=${[...ids, 201, 202].join(',')}`);
    expect(raw.status).toBe(400);
    expect((raw.body as { typeKey: string }).typeKey).toBe('WorkItemPageSizeExceededException');
  });

  it('gets a work item as it was at a time (asOf)', async () => {
    const wit = await c.api.getWorkItemTrackingApi();
    const now = await wit.getWorkItem(1);
    const created = new Date(String(now.fields?.['System.CreatedDate']));
    // The library sends asOf with Date.toUTCString(): whole seconds, so just before creation is "not found".
    const before = await wit.getWorkItem(1, undefined, created);
    if (created.getUTCMilliseconds() > 0) expect(before).toBeNull();
    const then = await wit.getWorkItem(1, undefined, new Date(created.getTime() + 1000));
    expect(then.rev).toBe(1);
    expect(then.fields?.['System.State']).toBe('New');
    expect(now.rev).toBeGreaterThan(1);
  });

  it('runs flat WIQL queries and refuses more than 20,000 results with VS402337', async () => {
    const wit = await c.api.getWorkItemTrackingApi();
    const result = await wit.queryByWiql(
      {
        query:
          "SELECT [System.Id], [System.State] FROM WorkItems WHERE [System.TeamProject] = @project AND [System.WorkItemType] = 'Bug' AND [System.State] <> 'Closed' ORDER BY [System.Id] DESC",
      },
      team(),
    );
    const ids = (result.workItems ?? []).map((item) => item.id ?? 0);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const items = await wit.getWorkItemsBatch({
      ids: ids.slice(0, 200),
      fields: ['System.WorkItemType', 'System.State'],
    });
    for (const item of items) {
      expect(item.fields?.['System.WorkItemType']).toBe('Bug');
      expect(item.fields?.['System.State']).not.toBe('Closed');
    }
    const tagged = await wit.queryByWiql(
      {
        query:
          "SELECT [System.Id] FROM WorkItems WHERE [System.Tags] CONTAINS 'incident' AND [System.AreaPath] UNDER 'Seika Demo\\Platform'",
      },
      team(),
    );
    expect(tagged.workItems?.length).toBeGreaterThan(0);
    const syntax = await failure(wit.queryByWiql({ query: 'SELECT FROM nowhere' }, team()));
    expect(statusOf(syntax)).toBe(400);
  });
});
