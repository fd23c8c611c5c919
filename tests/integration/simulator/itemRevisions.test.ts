import * as azdev from 'azure-devops-node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';

describe('work item revisions one item at a time (WorkItemTrackingApi.getRevisions)', () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startSimulator({ seed: 5, scale: 'tiny', now: new Date('2026-06-01T00:00:00Z') });
  });
  afterAll(() => simulator.close());

  it('returns every revision of the item in order, the same ones the reporting API streams', async () => {
    const webApi = new azdev.WebApi(
      simulator.organizationUrl,
      azdev.getPersonalAccessTokenHandler(simulator.pat),
    );
    const client = await webApi.getWorkItemTrackingApi();
    const revisions = await client.getRevisions(3);
    expect(revisions.length).toBeGreaterThan(1);
    expect(revisions.map((revision) => revision.rev)).toEqual(revisions.map((_, index) => index + 1));
    expect(revisions.every((revision) => revision.id === 3)).toBe(true);
    const batch = await client.readReportingRevisionsGet(
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      false,
      false,
      false,
      false,
      undefined,
      false,
      1000,
    );
    const streamed = batch.values?.filter((value) => value.id === 3) ?? [];
    expect(revisions.map((revision) => revision.fields?.['System.State'])).toEqual(
      streamed.map((value) => value.fields?.['System.State']),
    );
    // typed-rest-client turns a 404 into null rather than an error.
    expect(await client.getRevisions(999_999)).toBeNull();
  });
});
