/**
 * Incidents are read by tag in SQL first (only likely incidents, not every bug of the project), and the
 * incident rule still decides exactly: on both backends, a tag in other case counts, a tag that merely
 * contains the rule's does not, LIKE's wildcards in a tag are taken literally, and a rule without a tag
 * or with a tag SQL cannot lower-case alike reads every item of the types.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkItemRevisionRecord } from '../../../service/src/domain/records.ts';
import {
  DEFAULT_INCIDENT_RULE,
  type IncidentRule,
} from '../../../service/src/storage/delivery/repository.ts';
import { deriveColumnChanges } from '../../../service/src/sync/normalise/workItems/columnChanges.ts';
import { deriveIterationChanges } from '../../../service/src/sync/normalise/workItems/iterationChanges.ts';
import { deriveTransitions } from '../../../service/src/sync/normalise/workItems/transitions.ts';
import { page } from './seedWork.ts';
import { BACKENDS, openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

const ORG = 'org-tags';
const TAGS: Record<number, string[]> = {
  1: ['Incident'],
  2: ['incidents-review'],
  3: ['other'],
  4: ['50%_OFF'],
  5: ['50xyoff'],
  6: ['ÉCHEC'],
  7: [],
};

function bug(id: number): WorkItemRevisionRecord {
  const createdAt = Date.UTC(2026, 2, 1) + id * 3_600_000;
  return {
    workItemId: id,
    revision: 1,
    project: 'P',
    workItemType: 'Bug',
    title: `Bug ${id}`,
    areaPath: 'P',
    state: 'Active',
    tags: TAGS[id] ?? [],
    createdAt,
    changedAt: createdAt,
    isDeleted: false,
    boardColumn: null,
  };
}

describe.each(BACKENDS)('incidents read by tag on %s', (backend) => {
  const directory = temporaryDirectory('incident-tags');
  let test: TestRepository;

  beforeAll(async () => {
    test = await openTestRepository(backend, directory.path, 'incident-tags');
    await test.repository.applyWorkflowPage(ORG, 'P', page('test.workflow'), [
      { workItemType: 'Bug', state: 'Active', category: 'InProgress' },
    ]);
    await test.repository.applyRevisionPage(
      ORG,
      page('test.revisions'),
      Object.keys(TAGS).map(Number).map(bug),
      {
        transitions: deriveTransitions,
        columnChanges: deriveColumnChanges,
        iterationChanges: deriveIterationChanges,
      },
    );
  });

  afterAll(async () => {
    await test.dispose();
    directory.remove();
  });

  const ids = async (rule: IncidentRule) =>
    (await test.storage.delivery.listIncidents(ORG, ['P'], rule)).map((incident) => incident.workItemId);

  it.each([
    { tag: 'incident', expected: [1] },
    { tag: 'INCIDENT', expected: [1] },
    { tag: '50%_off', expected: [4] },
    { tag: 'échec', expected: [6] },
    { tag: null, expected: [1, 2, 3, 4, 5, 6, 7] },
  ])('tag $tag → $expected', async ({ tag, expected }) => {
    expect(await ids({ ...DEFAULT_INCIDENT_RULE, tag })).toEqual(expected);
  });
});
