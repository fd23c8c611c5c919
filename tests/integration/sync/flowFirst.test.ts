import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAttribution } from '../../../service/src/ado/clients.ts';
import { RequestBudget, type RequestLane } from '../../../service/src/ado/http/requestBudget.ts';
import { openStorage, type Storage } from '../../../service/src/app/openRepository.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { REVISIONS_STREAM } from '../../../service/src/sync/collect/workItems/reportingRevisions.ts';
import { LINKS_STREAM } from '../../../service/src/sync/collect/workItems/reportingLinks.ts';
import { ALL_STREAMS } from '../../../service/src/sync/streams.ts';
import type { StreamStatus, StreamStatusStore } from '../../../service/src/storage/tenants.ts';
import { syncSimulator } from '../../support/syncSimulator.ts';

/** Records which lane each stream's requests asked the budget for, and when work-item streams ran. */
class RecordingBudget extends RequestBudget {
  readonly lanes = new Map<string, Set<RequestLane>>();
  flowStarts = 0;
  override acquire(lane: RequestLane = 'flow'): Promise<() => void> {
    const counter = requestAttribution.getStore();
    const key = counter === undefined ? '(run)' : (counter.lane ?? 'none');
    const lanes = this.lanes.get(key) ?? new Set<RequestLane>();
    lanes.add(lane);
    this.lanes.set(key, lanes);
    return super.acquire(lane);
  }
  override flowStreamStarted(): () => void {
    this.flowStarts += 1;
    return super.flowStreamStarted();
  }
}

let simulator: RunningSimulator;
let storage: Storage;

beforeAll(async () => {
  simulator = await startSimulator({ seed: 5, scale: 'tiny', now: new Date('2026-06-01T00:00:00Z') });
  storage = await openStorage({ kind: 'sqlite', path: ':memory:' });
});

afterAll(async () => {
  await storage.close();
  await simulator.close();
});

/** A full sync of the simulator into a new in-memory store, closed afterwards. */
async function syncIntoFreshStorage(
  options: Pick<Parameters<typeof syncSimulator>[1], 'onStatus' | 'statusStore'>,
): Promise<void> {
  const fresh = await openStorage({ kind: 'sqlite', path: ':memory:' });
  try {
    await syncSimulator(simulator, { repository: fresh.repository, delivery: fresh.delivery, ...options });
  } finally {
    await fresh.close();
  }
}

describe('flow first', () => {
  it('sends work-item streams in the flow lane and delivery streams in the delivery lane', async () => {
    const budget = new RecordingBudget();
    await syncSimulator(simulator, {
      repository: storage.repository,
      delivery: storage.delivery,
      connectionOptions: { budget },
    });
    expect(budget.flowStarts).toBe(3);
    expect([...(budget.lanes.get('flow') ?? [])]).toEqual(['flow']);
    expect([...(budget.lanes.get('delivery') ?? [])]).toEqual(['delivery']);
  });

  it('starts the delivery streams once every work-item stream has ended, and the links after the revisions', async () => {
    // Each stream's first 'collecting' and its 'done', as positions in the order statuses came.
    const events: { stream: string; phase: string }[] = [];
    await syncIntoFreshStorage({
      onStatus: (status) => events.push({ stream: status.stream, phase: status.phase }),
    });
    const position = (stream: string, phase: string) => {
      const index = events.findIndex((event) => event.stream === stream && event.phase === phase);
      expect(index, `${stream} ${phase}`).toBeGreaterThanOrEqual(0);
      return index;
    };
    const flow = ALL_STREAMS.filter((stream) => stream.access.feature === 'flow').map((s) => s.name);
    const delivery = ALL_STREAMS.filter((stream) => stream.access.feature === 'delivery').map((s) => s.name);
    expect(flow.length).toBe(3);
    expect(delivery.length).toBeGreaterThan(0);
    const lastFlowDone = Math.max(...flow.map((stream) => position(stream, 'done')));
    const firstDeliveryStart = Math.min(...delivery.map((stream) => position(stream, 'collecting')));
    expect(firstDeliveryStart).toBeGreaterThan(lastFlowDone);
    expect(position(LINKS_STREAM, 'collecting')).toBeGreaterThan(position(REVISIONS_STREAM, 'done'));
  });

  it('shows the streams a first sync holds back as queued from the run start', async () => {
    const saved: StreamStatus[] = [];
    const statusStore: StreamStatusStore = {
      save: async (status) => {
        saved.push(status);
      },
      list: async () => [...new Map(saved.map((status) => [status.stream, status])).values()],
    };
    await syncIntoFreshStorage({ statusStore });
    const waiting = ALL_STREAMS.filter(
      (stream) => stream.access.feature !== 'flow' || (stream.after ?? []).length > 0,
    ).map((stream) => stream.name);
    const firstCollecting = saved.findIndex((status) => status.phase === 'collecting');
    const queued = saved.slice(0, firstCollecting).filter((status) => status.phase === 'queued');
    expect(queued.map((status) => status.stream).sort()).toEqual([...waiting].sort());
    expect(queued.every((status) => status.startedAt === null && status.estimatedSecondsLeft === null)).toBe(
      true,
    );
    // A later run leaves the streams' own statuses alone until they start.
    const before = saved.length;
    await syncIntoFreshStorage({ statusStore });
    expect(saved.slice(before).some((status) => status.phase === 'queued')).toBe(false);
  });
});
