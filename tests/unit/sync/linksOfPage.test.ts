import { describe, expect, it } from 'vitest';
import { linksBatchSchema, toLinks } from '../../../service/src/sync/normalise/workItems/links.ts';

describe('links of a page', () => {
  const link = (overrides: Record<string, unknown>) => ({
    rel: 'System.LinkTypes.Hierarchy-Forward',
    sourceId: 1,
    targetId: 2,
    changedDate: '2026-05-01T00:00:00Z',
    isActive: true,
    ...overrides,
  });

  it.each([
    { name: 'all readable', values: [link({}), link({ targetId: 3 })], links: 2, malformed: [] },
    {
      name: 'one without a change date',
      values: [link({}), link({ targetId: 3, changedDate: undefined })],
      links: 1,
      malformed: [{ position: 1, itemKey: '1|3|System.LinkTypes.Hierarchy-Forward' }],
    },
    {
      name: 'the same link twice: the later report wins',
      values: [link({ isActive: true }), link({ isActive: false })],
      links: 1,
      malformed: [],
    },
    { name: 'not an object', values: ['x'], links: 0, malformed: [{ position: 0, itemKey: '?|?|?' }] },
  ])('$name', ({ values, links, malformed }) => {
    const page = toLinks(linksBatchSchema.parse({ values, isLastBatch: true }));
    expect(page.links).toHaveLength(links);
    expect(page.malformed).toMatchObject(malformed);
    expect(page.malformed.every((record) => record.reason.startsWith(`Link #${record.position}`))).toBe(true);
  });
});
