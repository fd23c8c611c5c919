import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { WorkItemRevisionRecord } from '../../../../../service/src/domain/records.ts';
import { deriveIterationChanges } from '../../../../../service/src/sync/normalise/workItems/iterationChanges.ts';
import {
  normaliseRevision,
  revisionsBatchSchema,
} from '../../../../../service/src/sync/normalise/workItems/revisions.ts';
import { ADO_EXAMPLES_URL } from '../../../../fixtures/adoExamples.ts';

function revision(rev: number, at: string, iterationPath: string | null | undefined) {
  const record: WorkItemRevisionRecord & { rawPageId: number } = {
    workItemId: 7,
    revision: rev,
    project: 'P',
    workItemType: 'User Story',
    title: 'Item 7',
    areaPath: 'P\\Web',
    state: 'New',
    tags: [],
    createdAt: Date.parse('2026-06-01T00:00:00Z'),
    changedAt: Date.parse(at),
    isDeleted: false,
    boardColumn: null,
    rawPageId: 40 + rev,
  };
  return iterationPath === undefined ? record : { ...record, iterationPath };
}

const S5 = 'P\\Sprint 5';
const S6 = 'P\\Sprint 6';

describe('deriveIterationChanges', () => {
  it.each([
    {
      case: 'created in a sprint: one move, at creation',
      revisions: [revision(1, '2026-06-01T09:00:00Z', S5), revision(2, '2026-06-02T09:00:00Z', S5)],
      before: null,
      moves: [[1, S5]],
    },
    {
      case: 'moved to the next sprint and back',
      revisions: [
        revision(1, '2026-06-01T09:00:00Z', S5),
        revision(2, '2026-06-03T09:00:00Z', S6),
        revision(3, '2026-06-04T09:00:00Z', S5),
      ],
      before: null,
      moves: [
        [1, S5],
        [2, S6],
        [3, S5],
      ],
    },
    {
      case: 'a child iteration path is another iteration',
      revisions: [
        revision(1, '2026-06-01T09:00:00Z', S5),
        revision(2, '2026-06-02T09:00:00Z', `${S5}\\Hardening`),
      ],
      before: null,
      moves: [
        [1, S5],
        [2, `${S5}\\Hardening`],
      ],
    },
    {
      case: 'a revision without a path ends nothing',
      revisions: [
        revision(1, '2026-06-01T09:00:00Z', S5),
        revision(2, '2026-06-02T09:00:00Z', null),
        revision(3, '2026-06-03T09:00:00Z', undefined),
        revision(4, '2026-06-04T09:00:00Z', S5),
      ],
      before: null,
      moves: [[1, S5]],
    },
    {
      case: 'only the case differs: the same iteration',
      revisions: [
        revision(1, '2026-06-01T09:00:00Z', S5),
        revision(2, '2026-06-02T09:00:00Z', 'p\\sprint 5'),
      ],
      before: null,
      moves: [[1, S5]],
    },
    {
      case: 'continues from the stored revision before the page',
      revisions: [revision(3, '2026-06-03T09:00:00Z', S5), revision(4, '2026-06-04T09:00:00Z', S6)],
      before: S5,
      moves: [[4, S6]],
    },
    {
      case: 'paths known only from a later page start there',
      revisions: [revision(5, '2026-06-05T09:00:00Z', S6)],
      before: null,
      moves: [[5, S6]],
    },
  ])('$case', ({ revisions, before, moves }) => {
    const changes = deriveIterationChanges(revisions, before);

    expect(changes.map((change) => [change.revision, change.iterationPath])).toEqual(moves);
  });

  it('keeps the revision time and the raw page', () => {
    const [change] = deriveIterationChanges([revision(2, '2026-06-02T09:30:00Z', S6)], S5);

    expect(change).toEqual({
      workItemId: 7,
      revision: 2,
      at: Date.parse('2026-06-02T09:30:00Z'),
      iterationPath: S6,
      provenance: { rawPageId: 42 },
    });
  });

  it('reads System.IterationPath from the official reporting revisions example', () => {
    const example: { responses: { '200': { body: unknown } } } = JSON.parse(
      readFileSync(new URL('wit__GET__wit_reporting_workItemRevisions.json', ADO_EXAMPLES_URL), 'utf8'),
    );
    const batch = revisionsBatchSchema.parse(example.responses['200'].body);
    const revisions = batch.values.map((value, position) => ({
      ...normaliseRevision(value, position),
      rawPageId: 1,
    }));

    expect(revisions.map((record) => record.iterationPath)).toContain('Fabrikam-Fiber-Git');
    expect(
      deriveIterationChanges(revisions.filter((record) => record.workItemId === revisions[0]?.workItemId)),
    ).toHaveLength(1);
  });
});
