import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MalformedRevisionError,
  nextContinuationToken,
  normaliseRevision,
  parseTags,
  revisionsBatchSchema,
} from '../../../../../service/src/sync/normalise/workItems/revisions.ts';
import {
  backlogConfigurationSchema,
  processConfigurationSchema,
  teamScopeFrom,
  teamSettingsSchema,
  toStateCategory,
  workflowFromBacklogConfiguration,
} from '../../../../../service/src/sync/normalise/workItems/teamMetadata.ts';
import { deriveColumnChanges } from '../../../../../service/src/sync/normalise/workItems/columnChanges.ts';
import { deriveTransitions } from '../../../../../service/src/sync/normalise/workItems/transitions.ts';
import { ADO_EXAMPLES_URL } from '../../../../fixtures/adoExamples.ts';

const EXAMPLES = ADO_EXAMPLES_URL;

function exampleBody(file: string): unknown {
  const example: { responses: { '200': { body: unknown } } } = JSON.parse(
    readFileSync(new URL(file, EXAMPLES), 'utf8'),
  );
  return example.responses['200'].body;
}

function revision(
  id: number,
  rev: number,
  state: string,
  changed: string,
  extra: Record<string, unknown> = {},
) {
  return {
    id,
    rev,
    fields: {
      'System.WorkItemType': 'User Story',
      'System.TeamProject': 'P',
      'System.Title': `Item ${id}`,
      'System.AreaPath': 'P\\Web',
      'System.State': state,
      'System.CreatedDate': '2026-01-01T00:00:00Z',
      'System.ChangedDate': changed,
      ...extra,
    },
  };
}

describe('normaliseRevision', () => {
  it('reads the official example payload', () => {
    const batch = revisionsBatchSchema.parse(exampleBody('wit__GET__wit_reporting_workItemRevisions.json'));
    const first = normaliseRevision(batch.values[0], 0);
    expect(first).toMatchObject({
      workItemId: 1,
      revision: 1,
      project: 'Fabrikam-Fiber-Git',
      workItemType: 'Product Backlog Item',
      state: 'New',
      createdAt: Date.parse('2014-03-18T17:16:56.25Z'),
      isDeleted: false,
    });
    expect(batch.isLastBatch).toBe(true);
    expect(batch.continuationToken).toBeUndefined();
    expect(nextContinuationToken(batch)).toBe('3;2;1');
  });

  it.each([
    ['no state', { 'System.State': undefined }, /System\.State/],
    ['a date that is not a date', { 'System.ChangedDate': 'yesterday' }, /System\.ChangedDate/],
    ['an empty work item type', { 'System.WorkItemType': '' }, /System\.WorkItemType/],
  ])('names the field when a revision has %s', (_case, fields, pattern) => {
    const raw = revision(9, 2, 'Active', '2026-01-02T00:00:00Z', fields);
    expect(() => normaliseRevision(raw, 3)).toThrow(MalformedRevisionError);
    expect(() => normaliseRevision(raw, 3)).toThrow(pattern);
    expect(() => normaliseRevision(raw, 3)).toThrow(/work item 9/);
  });

  it('reads tags and the deleted flag', () => {
    const raw = revision(1, 1, 'New', '2026-01-01T00:00:00Z', {
      'System.Tags': 'incident; ui ;',
      'System.IsDeleted': true,
    });
    expect(normaliseRevision(raw, 0)).toMatchObject({ tags: ['incident', 'ui'], isDeleted: true });
  });
});

describe('nextContinuationToken', () => {
  it.each([
    [{ continuationToken: 'a;1', nextLink: 'https://x/_apis?continuationToken=b;2' }, 'a;1'],
    [{ nextLink: 'https://x/_apis?continuationToken=842%3B5%3B3&api-version=7.1' }, '842;5;3'],
    [{ nextLink: 'https://x/_apis?api-version=7.1' }, undefined],
    [{}, undefined],
  ])('%j → %s', (fields, expected) => {
    expect(nextContinuationToken({ values: [], isLastBatch: true, ...fields })).toBe(expected);
  });
});

describe('parseTags', () => {
  it.each([
    [undefined, []],
    ['', []],
    ['a', ['a']],
    ['a; b', ['a', 'b']],
    [' a ;; b ', ['a', 'b']],
  ])('%j → %j', (input, expected) => {
    expect(parseTags(input)).toEqual(expected);
  });
});

describe('deriveTransitions', () => {
  const at = (day: number) => `2026-01-${String(day).padStart(2, '0')}T09:00:00Z`;
  const history = (states: string[]) =>
    states.map((state, index) => ({
      ...normaliseRevision(revision(5, index + 1, state, at(index + 1)), index),
      rawPageId: 10 + index,
    }));

  it.each([
    ['creation is a transition from nothing', ['New'], [[null, 'New', 1]]],
    [
      'edits without a state change are not transitions',
      ['New', 'New', 'Active'],
      [
        [null, 'New', 1],
        ['New', 'Active', 3],
      ],
    ],
    [
      'reopening shows as a backward transition',
      ['New', 'Active', 'Closed', 'Active', 'Closed'],
      [
        [null, 'New', 1],
        ['New', 'Active', 2],
        ['Active', 'Closed', 3],
        ['Closed', 'Active', 4],
        ['Active', 'Closed', 5],
      ],
    ],
  ])('%s', (_case, states, expected) => {
    const transitions = deriveTransitions(history(states));
    expect(transitions.map((t) => [t.fromState, t.toState, t.revision])).toEqual(expected);
  });

  it('keeps provenance and the revision time', () => {
    const [first, second] = deriveTransitions(history(['New', 'Active']));
    expect(first?.provenance.rawPageId).toBe(10);
    expect(second?.provenance.rawPageId).toBe(11);
    expect(second?.at).toBe(Date.parse(at(2)));
  });
});

describe('team metadata', () => {
  const process = { bugWorkItems: { workItemTypes: [{ name: 'Bug' }] } };
  const configuration = {
    requirementBacklog: { workItemTypes: [{ name: 'User Story' }] },
    workItemTypeMappedStates: [
      { workItemTypeName: 'User Story', states: { New: 'Proposed', Closed: 'Completed', Odd: 'Nonsense' } },
    ],
  };
  const fieldValues = {
    field: { referenceName: 'System.AreaPath' },
    values: [{ value: 'P\\Web', includeChildren: true }],
  };

  it.each([
    ['off', []],
    ['asRequirements', ['Bug']],
    ['asTasks', ['Bug']],
    [0, []],
    [1, ['Bug']],
    [2, ['Bug']],
  ])('bugsBehavior %j puts bugs %j in scope', (bugsBehavior, bugs) => {
    const scope = teamScopeFrom(
      fieldValues,
      teamSettingsSchema.parse({ bugsBehavior }),
      configuration,
      process,
    );
    expect(scope.backlogWorkItemTypes).toEqual(['User Story', ...bugs]);
  });

  it('reads bug types from the official process configuration example', () => {
    const process = processConfigurationSchema.parse(
      exampleBody('work__GET__work_processconfiguration.json'),
    );
    expect(process.bugWorkItems?.workItemTypes.map((type) => type.name)).toEqual(['Bug']);
  });

  it('rejects an unknown bugsBehavior', () => {
    expect(() => teamSettingsSchema.parse({ bugsBehavior: 7 })).toThrow();
  });

  it('maps categories and drops unknown ones', () => {
    expect(workflowFromBacklogConfiguration(configuration)).toEqual([
      { workItemType: 'User Story', state: 'New', category: 'Proposed' },
      { workItemType: 'User Story', state: 'Closed', category: 'Completed' },
    ]);
    expect(toStateCategory('inprogress')).toBe('InProgress');
    expect(toStateCategory('Nonsense')).toBeUndefined();
  });

  it('reads the official backlog configuration example', () => {
    const raw = exampleBody('work__GET__work_backlogconfiguration.json');
    const rows = workflowFromBacklogConfiguration(backlogConfigurationSchema.parse(raw));
    expect(rows).toContainEqual({ workItemType: 'Bug', state: 'Resolved', category: 'Resolved' });
  });
});

describe('deriveColumnChanges', () => {
  const at = (day: number) => `2026-02-${String(day).padStart(2, '0')}T09:00:00Z`;
  const history = (columns: (string | undefined)[]) =>
    columns.map((column, index) => ({
      ...normaliseRevision(
        revision(
          8,
          index + 1,
          'Active',
          at(index + 1),
          column === undefined ? {} : { 'System.BoardColumn': column },
        ),
        index,
      ),
      rawPageId: 40 + index,
    }));

  it.each([
    ['no board at all', [undefined, undefined], null, []],
    [
      'entering the board is a move',
      ['New', 'New', 'Doing'],
      null,
      [
        ['New', 1],
        ['Doing', 3],
      ],
    ],
    [
      'a revision off the board keeps the column',
      ['Doing', undefined, 'Doing', 'Done'],
      null,
      [
        ['Doing', 1],
        ['Done', 4],
      ],
    ],
    ['the stored column before the page counts', ['Doing', 'Done'], 'Doing', [['Done', 2]]],
    [
      'moving back is a move too',
      ['Doing', 'New'],
      'Done',
      [
        ['Doing', 1],
        ['New', 2],
      ],
    ],
  ])('%s', (_case, columns, before, expected) => {
    const changes = deriveColumnChanges(history(columns), before);
    expect(changes.map((change) => [change.column, change.revision])).toEqual(expected);
  });

  it('keeps provenance and time', () => {
    const [change] = deriveColumnChanges(history(['Doing']), null);
    expect(change).toMatchObject({ workItemId: 8, at: Date.parse(at(1)), provenance: { rawPageId: 40 } });
  });
});
