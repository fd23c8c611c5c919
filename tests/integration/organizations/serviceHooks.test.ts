import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  connectOrganizationResponseSchema,
  syncStatusResponseSchema,
} from '../../../service/src/contract/index.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { REVISIONS_STREAM } from '../../../service/src/sync/collect/workItems/reportingRevisions.ts';
import { HOOK_EVENT_TYPES } from '../../../service/src/sync/hookEvents.ts';
import { eventually, startTestService, type TestService } from '../../support/startTestService.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

describe('service hooks with the organization (simulator) delivering them', () => {
  let simulator: RunningSimulator;
  let directory: ReturnType<typeof temporaryDirectory>;
  let test: TestService;

  beforeEach(async () => {
    directory = temporaryDirectory('hooks');
    simulator = await startSimulator({ seed: 71, scale: 'tiny', now: new Date('2026-06-01T00:00:00Z') });
    test = await startTestService({ kind: 'sqlite', path: `${directory.path}/hooks.sqlite` }, { simulator });
  });

  afterEach(async () => {
    await test.service.close();
    await simulator.close();
    directory.remove();
  });

  async function revisionsStored(): Promise<number> {
    return (await test.service.storage.repository.countRows(simulator.organization)).revisions;
  }

  it('subscribes on connect, syncs within seconds of a change, and unsubscribes on disconnect', async () => {
    const response = await test.api('/organizations', {
      method: 'POST',
      body: { organizationUrl: simulator.organizationUrl, personalAccessToken: simulator.pat },
    });
    expect(response.status).toBe(201);
    const connected = connectOrganizationResponseSchema.parse(response.body);
    expect(connected.hooks).toMatchObject({ status: 'subscribed', subscriptions: HOOK_EVENT_TYPES.length });
    const stored = await test.service.storage
      .organizations(test.secrets)
      .hookSubscriptions(simulator.organization);
    expect(stored.map((subscription) => subscription.eventType).sort()).toEqual([...HOOK_EVENT_TYPES].sort());

    await eventually('the first sync', async () => {
      const status = syncStatusResponseSchema.parse(
        (await test.api(`/organizations/${simulator.organization}/sync-status`)).body,
      );
      return status.job?.lastFinishedAt ?? undefined;
    });
    const before = await revisionsStored();

    // The organization changes; it posts workitem events to Seika, which pulls the new revisions. Each
    // event is delivered within half an hour of its creation (Seika drops deliveries older than an hour).
    const changedAt = Date.now();
    for (let step = 0; step < 12; step++) {
      simulator.advanceClock(30 * 60_000);
      await simulator.flushHooks();
    }
    const delivered = simulator.hookDeliveries.filter((delivery) =>
      delivery.eventType.startsWith('workitem.'),
    );
    expect(delivered.length).toBeGreaterThan(0);
    expect(delivered.every((delivery) => delivery.status === 202)).toBe(true);
    const after = await eventually('the hook-triggered sync', async () => {
      const count = await revisionsStored();
      return count > before ? count : undefined;
    });
    expect(after).toBeGreaterThan(before);
    expect(Date.now() - changedAt).toBeLessThan(10_000);
    const revisions = syncStatusResponseSchema
      .parse((await test.api(`/organizations/${simulator.organization}/sync-status`)).body)
      .streams.find((stream) => stream.stream === REVISIONS_STREAM);
    expect(revisions?.lastError).toBeNull();

    const removed = await test.api(`/organizations/${simulator.organization}`, { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect(
      await test.service.storage.organizations(test.secrets).hookSubscriptions(simulator.organization),
    ).toEqual([]);
    // Nothing is delivered any more: the organization has no subscriptions left.
    const deliveriesBefore = simulator.hookDeliveries.length;
    simulator.advanceClock(6 * 60 * 60_000);
    await simulator.flushHooks();
    expect(simulator.hookDeliveries.length).toBe(deliveriesBefore);
  });
});
