import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebApi, getBasicHandler, getPersonalAccessTokenHandler } from 'azure-devops-node-api';
import type { IRequestHandler } from 'azure-devops-node-api/interfaces/common/VsoBaseInterfaces.js';
import type { ReportingWorkItemRevisionsBatch } from 'azure-devops-node-api/interfaces/WorkItemTrackingInterfaces.js';
import { BugsBehavior } from 'azure-devops-node-api/interfaces/WorkInterfaces.js';
import { startSimulator } from '../../../service/src/simulator/index.ts';
import type { RunningSimulator } from '../../../service/src/simulator/index.ts';

const NOW = new Date('2026-03-02T00:00:00Z');

/** A handler that sends no credentials at all. */
const noCredentials: IRequestHandler = {
  prepareRequest: () => undefined,
  canHandleAuthentication: () => false,
  handleAuthentication: () => Promise.reject(new Error('not used')),
};

function statusOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'statusCode' in error ? error.statusCode : undefined;
}

function batchOf(batch: ReportingWorkItemRevisionsBatch | null): ReportingWorkItemRevisionsBatch {
  if (!batch) throw new Error('expected a batch');
  return batch;
}

describe('simulator served to the real azure-devops-node-api client', () => {
  let sim: RunningSimulator;
  let api: WebApi;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 7, scale: 'tiny', now: NOW });
    api = new WebApi(sim.organizationUrl, getPersonalAccessTokenHandler(sim.pat));
  });
  afterAll(async () => {
    await sim.close();
  });

  it('lists the project and its team through CoreApi', async () => {
    const core = await api.getCoreApi();
    const projects = await core.getProjects();
    expect(projects.map((project) => project.name)).toEqual(['Seika Demo']);
    const teams = await core.getTeams(sim.project);
    expect(teams.map((team) => team.name)).toEqual([sim.team]);
    expect(sim.organizationUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/seika-demo$/);
  });

  it('serves team settings, team field values, backlog and process configuration through WorkApi', async () => {
    const work = await api.getWorkApi();
    const teamContext = { project: sim.project, team: sim.team };
    const settings = await work.getTeamSettings(teamContext);
    expect(settings.bugsBehavior).toBe(BugsBehavior.AsRequirements);
    expect(settings.workingDays).toEqual([1, 2, 3, 4, 5]);
    expect(settings.backlogIteration?.name).toBe('Seika Demo');

    const fieldValues = await work.getTeamFieldValues(teamContext);
    expect(fieldValues.field?.referenceName).toBe('System.AreaPath');
    expect(fieldValues.values).toEqual([{ value: 'Seika Demo\\Web', includeChildren: true }]);

    const backlog = await work.getBacklogConfigurations(teamContext);
    expect(backlog.requirementBacklog?.workItemTypes?.map((type) => type.name)).toEqual(['User Story']);
    expect(backlog.taskBacklog?.workItemTypes?.map((type) => type.name)).toEqual(['Task']);
    expect(backlog.bugsBehavior).toBe(BugsBehavior.AsRequirements);
    const bug = backlog.workItemTypeMappedStates?.find((mapped) => mapped.workItemTypeName === 'Bug');
    expect(bug?.states).toEqual({
      New: 'Proposed',
      Active: 'InProgress',
      Resolved: 'Resolved',
      Closed: 'Completed',
    });
    const story = backlog.workItemTypeMappedStates?.find(
      (mapped) => mapped.workItemTypeName === 'User Story',
    );
    expect(story?.states).toEqual({
      New: 'Proposed',
      Active: 'InProgress',
      Resolved: 'Resolved',
      Closed: 'Completed',
      Removed: 'Removed',
    });

    const process = await work.getProcessConfiguration(sim.project);
    expect(process.bugWorkItems?.workItemTypes?.map((type) => type.name)).toEqual(['Bug']);
  });

  it('serves Agile states with their categories through WorkItemTrackingApi', async () => {
    const wit = await api.getWorkItemTrackingApi();
    const states = await wit.getWorkItemTypeStates(sim.project, 'User Story');
    expect(states.map((state) => [state.name, state.category])).toEqual([
      ['New', 'Proposed'],
      ['Active', 'InProgress'],
      ['Resolved', 'Resolved'],
      ['Closed', 'Completed'],
      ['Removed', 'Removed'],
    ]);
    const bug = await wit.getWorkItemTypeStates(sim.project, 'Bug');
    expect(bug.map((state) => state.name)).toEqual(['New', 'Active', 'Resolved', 'Closed']);
  });

  it('pages reporting revisions to the last batch, then returns only new revisions from the last token', async () => {
    const wit = await api.getWorkItemTrackingApi();
    const pageSize = 40;
    const seen: { id: number; rev: number; changed: string }[] = [];
    const tokens: string[] = [];
    let token: string | undefined;
    let pages = 0;
    for (;;) {
      const batch = batchOf(
        await wit.readReportingRevisionsGet(
          sim.project,
          undefined,
          undefined,
          token,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          pageSize,
        ),
      );
      pages += 1;
      expect(batch.values?.length ?? 0).toBeLessThanOrEqual(pageSize);
      for (const value of batch.values ?? []) {
        seen.push({
          id: Number(value.id),
          rev: Number(value.rev),
          changed: String(value.fields?.['System.ChangedDate']),
        });
      }
      expect(batch.nextLink).toContain(
        `continuationToken=${encodeURIComponent(String(batch.continuationToken))}`,
      );
      expect(batch.nextLink).toContain('%24maxPageSize=40');
      token = batch.continuationToken;
      if (token !== undefined) tokens.push(token);
      if (batch.isLastBatch === true) break;
      expect(pages).toBeLessThan(100);
    }
    expect(pages).toBeGreaterThanOrEqual(3);
    // Change order: ChangedDate never goes backwards across pages, and no revision repeats.
    const changedTimes = seen.map((value) => Date.parse(value.changed));
    expect(changedTimes).toEqual([...changedTimes].sort((a, b) => a - b));
    expect(new Set(seen.map((value) => `${value.id}.${value.rev}`)).size).toBe(seen.length);
    // Every continuation token handed out (except the final one) was requested by the client.
    const requested = sim.requestLog
      .filter((entry) => entry.path.endsWith('/workItemRevisions'))
      .map((entry) => entry.query.continuationToken);
    for (const issued of tokens.slice(0, -1)) expect(requested).toContain(issued);

    sim.addActivity({ revisions: 6 });
    const latest = Math.max(...changedTimes);
    const update = batchOf(
      await wit.readReportingRevisionsGet(
        sim.project,
        undefined,
        undefined,
        token,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        pageSize,
      ),
    );
    expect(update.values).toHaveLength(6);
    expect(update.isLastBatch).toBe(true);
    for (const value of update.values ?? []) {
      expect(Date.parse(String(value.fields?.['System.ChangedDate']))).toBeGreaterThan(latest);
      expect(seen.some((old) => old.id === value.id && old.rev === value.rev)).toBe(false);
    }
    const caughtUp = batchOf(
      await wit.readReportingRevisionsGet(sim.project, undefined, undefined, update.continuationToken),
    );
    expect(caughtUp.values).toEqual([]);
    expect(caughtUp.isLastBatch).toBe(true);
    expect(caughtUp.continuationToken).toBe(update.continuationToken);
  });

  it('filters reporting revisions by fields, types, latest-only and a Date.toUTCString() startDateTime', async () => {
    const wit = await api.getWorkItemTrackingApi();
    const bugs = batchOf(
      await wit.readReportingRevisionsGet(
        sim.project,
        ['System.State', 'System.WorkItemType'],
        ['Bug'],
        undefined,
        undefined,
        true,
        undefined,
        undefined,
        true,
      ),
    );
    expect(bugs.values?.length).toBeGreaterThan(0);
    for (const value of bugs.values ?? []) {
      expect(Object.keys(value.fields ?? {}).sort()).toEqual(['System.State', 'System.WorkItemType']);
      expect(value.fields?.['System.WorkItemType']).toBe('Bug');
    }
    expect(new Set(bugs.values?.map((value) => value.id)).size).toBe(bugs.values?.length);

    const since = new Date('2026-02-15T00:00:00Z');
    const recent = batchOf(
      await wit.readReportingRevisionsGet(sim.project, undefined, undefined, undefined, since),
    );
    expect(recent.values?.length).toBeGreaterThan(0);
    for (const value of recent.values ?? []) {
      expect(Date.parse(String(value.fields?.['System.ChangedDate']))).toBeGreaterThanOrEqual(
        since.getTime(),
      );
    }
    const sent = sim.requestLog.filter((entry) => entry.query.startDateTime !== undefined).at(-1);
    expect(sent?.query.startDateTime).toBe(since.toUTCString());

    const posted = batchOf(
      await wit.readReportingRevisionsPost(
        { fields: ['System.Title'], types: ['Task'], includeIdentityRef: true },
        sim.project,
      ),
    );
    expect(posted.values?.every((value) => Object.keys(value.fields ?? {}).join() === 'System.Title')).toBe(
      true,
    );
  });

  it('refuses startDateTime together with a continuation token (400)', async () => {
    const wit = await api.getWorkItemTrackingApi();
    const first = batchOf(await wit.readReportingRevisionsGet(sim.project));
    const error: unknown = await wit
      .readReportingRevisionsGet(
        sim.project,
        undefined,
        undefined,
        first.continuationToken,
        new Date('2026-01-01T00:00:00Z'),
      )
      .then(
        () => undefined,
        (reason: unknown) => reason,
      );
    expect(statusOf(error)).toBe(400);
    expect(String(error)).toMatch(/startDateTime/);
  });

  it('answers 401 with a JSON error body when no credentials are sent', async () => {
    const anonymous = new WebApi(sim.organizationUrl, noCredentials);
    const core = await anonymous.getCoreApi();
    const error: unknown = await core.getProjects().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(statusOf(error)).toBe(401);
    const raw = await fetch(`${sim.organizationUrl}/_apis/projects`);
    expect(raw.status).toBe(401);
    const body: unknown = await raw.json();
    expect(Object.keys(body as object).sort()).toEqual([
      '$id',
      'errorCode',
      'eventId',
      'innerException',
      'message',
      'typeKey',
      'typeName',
    ]);
  });

  it('answers a wrong PAT with 203 and a sign-in page, which the library turns into null', async () => {
    const wrong = new WebApi(sim.organizationUrl, getBasicHandler('someone', 'not-the-pat'));
    const core = await wrong.getCoreApi();
    await expect(core.getProjects()).resolves.toBeNull();
    const raw = await fetch(`${sim.organizationUrl}/_apis/projects`, {
      headers: { Authorization: `Basic ${Buffer.from(':wrong').toString('base64')}` },
    });
    expect(raw.status).toBe(203);
    expect(raw.headers.get('content-type')).toContain('text/html');
    expect(await raw.text()).toContain('Sign In');
  });
});
