/**
 * Incidents are read with their state transitions and artifact links by key, a statement per few hundred
 * items: on both backends a project with more incidents than one statement holds gets every incident's
 * transitions (its completion) and links, and an untagged bug beside them is still no incident.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentArtifact } from '../../../service/src/domain/delivery.ts';
import type { WorkItemRevisionRecord } from '../../../service/src/domain/records.ts';
import { DEFAULT_INCIDENT_RULE } from '../../../service/src/storage/delivery/repository.ts';
import { deriveColumnChanges } from '../../../service/src/sync/normalise/workItems/columnChanges.ts';
import { deriveIterationChanges } from '../../../service/src/sync/normalise/workItems/iterationChanges.ts';
import { deriveTransitions } from '../../../service/src/sync/normalise/workItems/transitions.ts';
import { page } from './seedWork.ts';
import { BACKENDS, openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

const ORG = 'org-incident-transitions';
/** More than two statements' worth (500 ids each), and not a multiple of it. */
const INCIDENTS = 1_203;
const HOUR = 3_600_000;
const created = (id: number) => Date.UTC(2026, 0, 1) + id * HOUR;
/** Odd incidents are closed an hour after they were opened; even ones are still open. */
const closed = (id: number) => (id % 2 === 1 ? created(id) + HOUR : null);

/** Every third incident names the build of its own number and, if even, a release too (ids sorted). */
function artifactsOf(id: number): IncidentArtifact[] {
  if (id % 3 !== 0) return [];
  const build: IncidentArtifact = { kind: 'build', id: 10_000 + id };
  return id % 2 === 0 ? [build, { kind: 'release', id: 20_000 + id }] : [build];
}

function revision(id: number, revisionNumber: number, state: string, tags: string[]): WorkItemRevisionRecord {
  return {
    workItemId: id,
    revision: revisionNumber,
    project: 'P',
    workItemType: 'Bug',
    title: `Bug ${id}`,
    areaPath: 'P',
    state,
    tags,
    createdAt: created(id),
    changedAt: created(id) + (revisionNumber - 1) * HOUR,
    isDeleted: false,
    boardColumn: null,
  };
}

function revisionsOf(id: number, tags: string[]): WorkItemRevisionRecord[] {
  const opened = revision(id, 1, 'Active', tags);
  return closed(id) === null ? [opened] : [opened, revision(id, 2, 'Closed', tags)];
}

describe.each(BACKENDS)('incidents with their transitions on %s', (backend) => {
  const directory = temporaryDirectory('incident-transitions');
  let test: TestRepository;

  beforeAll(async () => {
    test = await openTestRepository(backend, directory.path, 'incident-transitions');
    await test.repository.applyWorkflowPage(ORG, 'P', page('test.workflow'), [
      { workItemType: 'Bug', state: 'Active', category: 'InProgress' },
      { workItemType: 'Bug', state: 'Closed', category: 'Completed' },
    ]);
    const incidents = Array.from({ length: INCIDENTS }, (_, n) => revisionsOf(n + 1, ['incident']));
    // A closed bug without the tag: its transitions must not lend an incident anything.
    const plainBug = revisionsOf(INCIDENTS + 1, []);
    await test.repository.applyRevisionPage(ORG, page('test.revisions'), [...incidents, plainBug].flat(), {
      transitions: deriveTransitions,
      columnChanges: deriveColumnChanges,
      iterationChanges: deriveIterationChanges,
    });
    const links = Array.from({ length: INCIDENTS + 1 }, (_, n) => ({
      workItemId: n + 1,
      artifacts: artifactsOf(n + 1),
    })).filter((row) => row.artifacts.length > 0);
    await test.storage.delivery.applyIncidentLinksPage(ORG, page('test.incidentLinks'), links);
  }, 120_000);

  afterAll(async () => {
    await test.dispose();
    directory.remove();
  });

  it('reads every incident, each completed as its own transitions say', async () => {
    const incidents = await test.storage.delivery.listIncidents(ORG, ['P'], DEFAULT_INCIDENT_RULE);
    expect(incidents.map((incident) => incident.workItemId)).toEqual(
      Array.from({ length: INCIDENTS }, (_, n) => n + 1),
    );
    for (const incident of incidents) {
      expect({ id: incident.workItemId, completedAt: incident.completedAt }).toEqual({
        id: incident.workItemId,
        completedAt: closed(incident.workItemId),
      });
    }
  });

  it("reads every incident's own artifact links, in every statement's share of the ids", async () => {
    const incidents = await test.storage.delivery.listIncidents(ORG, ['P'], DEFAULT_INCIDENT_RULE);
    for (const incident of incidents) {
      expect({ id: incident.workItemId, links: incident.linkedArtifacts ?? [] }).toEqual({
        id: incident.workItemId,
        links: artifactsOf(incident.workItemId),
      });
    }
  });
});
