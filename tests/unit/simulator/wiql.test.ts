import { describe, expect, it } from 'vitest';
import { parseWiql } from '../../../service/src/simulator/wiql/parser.ts';
import { WiqlSyntaxError } from '../../../service/src/simulator/wiql/lexer.ts';
import { matches } from '../../../service/src/simulator/wiql/evaluate.ts';
import { generateOrganization } from '../../../service/src/simulator/generate/organization.ts';

const world = generateOrganization({ seed: 9, scale: 'tiny', now: new Date('2026-03-02T00:00:00Z') });
const store = world.model.workItems;
const scope = {
  model: world.model,
  project: world.model.project,
  team: world.model.team,
  now: Date.parse('2026-03-02T00:00:00Z'),
  timePrecision: false,
};

function select(where: string): number[] {
  const query = parseWiql(`SELECT [System.Id] FROM WorkItems WHERE ${where}`);
  const ids: number[] = [];
  for (let id = 1; id <= store.maxWorkItemId; id += 1) {
    if (!store.has(id) || store.isDeleted(id)) continue;
    if (query.where && matches(scope, store.latestIndex(id), query.where)) ids.push(id);
  }
  return ids;
}

function latest(id: number, column: 'states' | 'types' | 'areas'): string {
  return store.strings.get(store[column].get(store.latestIndex(id)));
}

describe('WIQL', () => {
  it('parses select lists, conditions, ORDER BY and ASOF', () => {
    const query = parseWiql(
      "select [System.Id], [Title] from workitems where [State] = 'Active' and ([Work Item Type] = 'Bug' or not [System.Tags] contains 'a11y') order by [System.ChangedDate] desc, [ID] asof '2026-01-01'",
    );
    expect(query.select).toEqual(['System.Id', 'System.Title']);
    expect(query.orderBy).toEqual([
      { field: 'System.ChangedDate', descending: true },
      { field: 'System.Id', descending: false },
    ]);
    expect(query.asOf).toBe('2026-01-01');
    expect(query.where?.kind).toBe('and');
  });

  it.each([
    'SELECT [System.Id] FROM WorkItemLinks',
    'SELECT [Nope] FROM WorkItems',
    'SELECT [System.Id] FROM WorkItems WHERE [State] = ',
    "SELECT [System.Id] FROM WorkItems WHERE [State] = 'x",
    "SELECT [System.Id] FROM WorkItems WHERE [State] IN ('a' 'b')",
  ])('refuses %j', (text) => {
    expect(() => parseWiql(text)).toThrow(WiqlSyntaxError);
  });

  it('evaluates comparisons, IN, UNDER, CONTAINS and NOT like the service (case-insensitive)', () => {
    const all = select('[System.Id] > 0');
    expect(all.length).toBeGreaterThan(40);
    const closed = select("[State] = 'closed'");
    expect(closed.every((id) => latest(id, 'states') === 'Closed')).toBe(true);
    expect(select("[State] <> 'Closed'").length + closed.length).toBe(all.length);
    const bugsOrTasks = select("[System.WorkItemType] IN ('Bug', 'Task')");
    expect(bugsOrTasks.every((id) => ['Bug', 'Task'].includes(latest(id, 'types')))).toBe(true);
    expect(select("[System.WorkItemType] NOT IN ('Bug', 'Task')").length + bugsOrTasks.length).toBe(
      all.length,
    );
    const web = select("[System.AreaPath] UNDER 'Seika Demo\\Web'");
    expect(web.every((id) => latest(id, 'areas').startsWith('Seika Demo\\Web'))).toBe(true);
    expect(select("[System.AreaPath] NOT UNDER 'Seika Demo\\Web'").length + web.length).toBe(all.length);
    const incidents = select("[System.Tags] CONTAINS 'incident'");
    expect(incidents.length).toBe(world.model.delivery.incidents.length);
    expect(select('[System.Id] <= 10 AND [System.Id] >= 5')).toEqual([5, 6, 7, 8, 9, 10]);
    expect(
      select('[System.ChangedDate] >= @today - 1').every(
        (id) => store.changed.get(store.latestIndex(id)) >= Date.parse('2026-03-01T00:00:00Z'),
      ),
    ).toBe(true);
    expect(select('[System.TeamProject] = @project').length).toBe(all.length);
  });
});
