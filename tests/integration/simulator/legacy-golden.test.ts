import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startSimulator } from '../../../service/src/simulator/index.ts';

/**
 * The tiny and demo organizations must keep the first simulator's work items for the Web Team's project
 * (the lead's sync and API tests and the demo rely on them). The hashes below were computed from that
 * simulator's answers: every revision of its items, restricted to the fields it returned.
 *
 * `plain` and `refs` changed once, on purpose, when the team started planning its sprints ahead and
 * carrying unfinished work over (simulator/model/sprintPlanning.ts): only System.IterationPath moved.
 * `withoutIteration` is each hash with that field left out, the same before and after that change; it
 * keeps proving that everything else is still the first simulator's.
 */
const GOLDEN = [
  {
    seed: 5,
    scale: 'demo',
    now: '2026-06-01T00:00:00Z',
    items: 300,
    count: 1180,
    plain: '3ae873d8520599612f7bd292c3bd599b9d46776e2767c84fa602570515a66ae2',
    refs: '6b424eb9dc9def03080e887dd36fa01b5b882cb156045cebb573fce99a75ce86',
    withoutIteration: {
      plain: '7cf6ac2aa2c9a8a5038a7fc0ad9c769da2fcaf40e3b4333c29514ea417370fac',
      refs: '38426c141d2a1aae7a6f7fd4f965f4bbc936a4b039f9686c2316688c8e32da23',
    },
  },
  {
    seed: 11,
    scale: 'tiny',
    now: '2026-06-01T00:00:00Z',
    items: 40,
    count: 136,
    plain: 'a72b7be0d186f21bb7b6daee6378e36c5517da320602181bff651622a7898e48',
    refs: '4a06aadf2c12af04eb3edef439ff1d1b31d4d2aac980080fd436873e97bcc9ee',
    withoutIteration: {
      plain: '7ea7eaf2e94d616a0efdedd6c8469615f6bdfad65e5791d5b868ac6290bb212e',
      refs: '281f458941c6b331b869a24c002fc1d688ea84a2e7159b88576cfc2273b4e146',
    },
  },
  {
    seed: 7,
    scale: 'demo',
    now: '2026-03-02T00:00:00Z',
    items: 300,
    count: 1243,
    plain: 'b65237eabee41d643ca7e7be1148600701ce34fda6c27624782f976accfd9f7c',
    refs: 'ca3e44962d231cb70cbe76a0afffd569be6fa5513969dd9a80352d37d6231bd0',
    withoutIteration: {
      plain: '279f43b6be9c0b8fa75cbec104ecb0881c2927d51169c407a62d3aa295a0bb25',
      refs: 'e33f9c6cf5f7616bea27b32b8a65b926e06834689a1a13884fe5df29d1771838',
    },
  },
] as const;

const FIRST_FIELDS = new Set([
  'Microsoft.VSTS.Common.ClosedDate',
  'Microsoft.VSTS.Common.StateChangeDate',
  'System.AreaPath',
  'System.BoardColumn',
  'System.BoardColumnDone',
  'System.ChangedBy',
  'System.ChangedDate',
  'System.CreatedBy',
  'System.CreatedDate',
  'System.Id',
  'System.IterationPath',
  'System.Reason',
  'System.Rev',
  'System.RevisedDate',
  'System.State',
  'System.Tags',
  'System.TeamProject',
  'System.Title',
  'System.WorkItemType',
]);
const isFirstField = (name: string): boolean =>
  FIRST_FIELDS.has(name) || /^WEF_[0-9A-F]{32}_Kanban\.Column$/.test(name);

/** JSON with keys sorted at every level (Python's json.dumps(sort_keys=True, separators=(',', ':'))). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

interface Value {
  id: number;
  rev: number;
  fields: Record<string, unknown>;
}

describe.each(GOLDEN)('seed $seed $scale keeps the first simulator’s work items', (golden) => {
  it.each([false, true])('revisions with includeIdentityRef=%s hash as before', async (identityRef) => {
    const sim = await startSimulator({ seed: golden.seed, scale: golden.scale, now: new Date(golden.now) });
    try {
      const values: Value[] = [];
      let token = '';
      for (;;) {
        const response = await fetch(
          `${sim.organizationUrl}/_apis/wit/reporting/workitemrevisions?$maxPageSize=1000&includeIdentityRef=${identityRef}${token ? `&continuationToken=${token}` : ''}`,
          { headers: { Authorization: `Bearer ${sim.pat}` } },
        );
        const text = (await response.text()).split(sim.organizationUrl).join('{org}');
        const batch = JSON.parse(text) as {
          values: Value[];
          continuationToken: string;
          isLastBatch: boolean;
        };
        values.push(...batch.values);
        token = batch.continuationToken;
        if (batch.isLastBatch) break;
      }
      const rowsWith = (keep: (name: string) => boolean) =>
        values
          .filter((value) => value.id <= golden.items)
          .map((value) => [
            value.id,
            value.rev,
            Object.fromEntries(Object.entries(value.fields).filter(([name]) => keep(name))),
          ]);
      const rows = rowsWith(isFirstField);
      expect(rows).toHaveLength(golden.count);
      const withoutIteration = rowsWith((name) => isFirstField(name) && name !== 'System.IterationPath');
      expect(createHash('sha256').update(canonical(withoutIteration)).digest('hex')).toBe(
        identityRef ? golden.withoutIteration.refs : golden.withoutIteration.plain,
      );
      expect(createHash('sha256').update(canonical(rows)).digest('hex')).toBe(
        identityRef ? golden.refs : golden.plain,
      );
    } finally {
      await sim.close();
    }
  });
});
