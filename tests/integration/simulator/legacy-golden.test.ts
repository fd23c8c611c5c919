import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startSimulator } from '../../../service/src/simulator/index.ts';

/**
 * The tiny and demo organizations must keep the first simulator's work items for the Web Team's project
 * (the lead's sync and API tests and the demo rely on them). The hashes below were computed from that
 * simulator's answers: every revision of its items, restricted to the fields it returned.
 */
const GOLDEN = [
  {
    seed: 5,
    scale: 'demo',
    now: '2026-06-01T00:00:00Z',
    items: 300,
    count: 1180,
    plain: '7378b23255ab24757da7e3de85f99e292025bb19587f2cea3071422fa92fa22e',
    refs: 'bd7858f0300800319dfbbe239e5ed82426ddd265c0249f6918931b630c6271cc',
  },
  {
    seed: 11,
    scale: 'tiny',
    now: '2026-06-01T00:00:00Z',
    items: 40,
    count: 136,
    plain: 'ab970449ca4d98b7ec242ccf462f1b89d5fddc27c1334269a34e249489eb9ba4',
    refs: 'e1eaa0fb006dafc61020e0cf59b42abe71f39bcf8bea8201161e5216ec9f812f',
  },
  {
    seed: 7,
    scale: 'demo',
    now: '2026-03-02T00:00:00Z',
    items: 300,
    count: 1243,
    plain: '605a38573e3e802fc320dc05bf59cc0627fab0201750efdc0e69a1ff412443cb',
    refs: 'a040c7eb942ec50fcaf3f6c21f610b44f7dd59d0db6edba5382a0c2b59fc79b3',
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
      const rows = values
        .filter((value) => value.id <= golden.items)
        .map((value) => [
          value.id,
          value.rev,
          Object.fromEntries(Object.entries(value.fields).filter(([name]) => isFirstField(name))),
        ]);
      expect(rows).toHaveLength(golden.count);
      expect(createHash('sha256').update(canonical(rows)).digest('hex')).toBe(
        identityRef ? golden.refs : golden.plain,
      );
    } finally {
      await sim.close();
    }
  });
});
