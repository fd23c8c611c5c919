/**
 * A project's linked input as the sync stores it (linked, encoded, decoded) gives exactly the report that
 * linking the records in the view gives: on the hand-worked example and on generated years with and
 * without pull requests carried across branches, under the default production mark and another one, for
 * the window with weeks, sprints and drill-down rows.
 */
import { describe, expect, it } from 'vitest';
import {
  computeDeliveryMetrics,
  LinkTable,
  type DeliveryRequest,
  type ProductionRules,
} from '../../../../service/src/metrics/delivery/index.ts';
import type { ChangeRecord } from '../../../../service/src/domain/delivery.ts';
import type { DeliveryRecords } from '../../../../service/src/storage/delivery/repository.ts';
import {
  decodeLinkedInput,
  encodeLinkedInput,
} from '../../../../service/src/storage/sql/delivery/linkedInputCodec.ts';
import {
  deliveryInputFrom,
  deliveryInputFromLinked,
} from '../../../../service/src/sync/normalise/delivery/input.ts';
import { linkedInputOf } from '../../../../service/src/sync/normalise/delivery/linkedInputs.ts';
import { HOUR } from './fixtures.ts';
import { generatedRecords } from './generated.ts';
import { BUILD_COMMITS, CHANGES, DEPLOYMENTS, INCIDENTS } from './handWorked.data.ts';

const HAND_WORKED: DeliveryRecords = {
  deployments: DEPLOYMENTS,
  changes: CHANGES,
  buildCommits: BUILD_COMMITS,
  incidents: INCIDENTS,
  bugWorkItemIds: new Set([5001, 5002, 9001, 9002, 9003]),
};

const REQUESTS: readonly DeliveryRequest[] = [
  { from: '2026-01-01', to: '2026-12-31', sprints: [], weekly: true, drillDown: true },
  {
    from: '2026-03-02',
    to: '2026-03-15',
    sprints: [{ id: 's', name: 'S', startDate: '2026-03-02', finishDate: '2026-03-15' }],
    drillDown: true,
  },
];

const RULES: readonly { mark: string; production: ProductionRules | undefined }[] = [
  { mark: 'the default mark', production: undefined },
  {
    mark: 'a mark naming staging',
    production: { default: { environmentNamePattern: 'stag', stageNamePattern: 'deploy' } },
  },
];

/** The generated promotions with their own commits read: each counts from its own first commit. */
function withOwnCommits(records: DeliveryRecords): DeliveryRecords {
  const changes = records.changes.map((change): ChangeRecord => {
    if (change.kind !== 'pullRequest' || change.pullRequestId < 10_000) return change;
    const [own, ...carried] = change.commitShas;
    const ownCommits = [
      { sha: own ?? '', authoredAt: change.firstCommitAuthoredAt + 3 * HOUR },
      ...carried.map((sha) => ({ sha, authoredAt: change.firstCommitAuthoredAt })),
    ];
    return { ...change, ownCommits };
  });
  return { ...records, changes };
}

const CASES = [
  { name: 'the hand-worked example', records: HAND_WORKED },
  { name: 'a generated year', records: generatedRecords(false) },
  { name: 'a generated year with carried pull requests', records: generatedRecords(true) },
  { name: 'the same with their own commits', records: withOwnCommits(generatedRecords(true)) },
];

describe('sync/normalise/delivery/linkedInputs', () => {
  describe.each(CASES)('$name', ({ records }) => {
    it.each(RULES)('gives the report of linking in the view, under $mark', ({ production }) => {
      const stored = decodeLinkedInput(encodeLinkedInput(linkedInputOf(7, records)), 7);
      expect(stored?.dataVersion).toBe(7);
      if (stored === undefined) return;
      const options = { timeZone: 'Asia/Tokyo', ...(production === undefined ? {} : { production }) };
      const linked = deliveryInputFromLinked(stored, records, options);
      const viewed = deliveryInputFrom(records, options);
      expect(linked.links.length).toBe(viewed.links.length);
      let measured = 0;
      for (const request of REQUESTS) {
        const report = computeDeliveryMetrics(linked, request);
        expect(JSON.stringify(report)).toBe(JSON.stringify(computeDeliveryMetrics(viewed, request)));
        if (report.window.leadTimeForChanges.status === 'ok') measured++;
      }
      // Lead time (what the links feed) was measured, not only withheld.
      expect(measured).toBeGreaterThan(0);
    });
  });

  it('keeps carried pull requests’ adjusted first commits and drops promotions’ links', () => {
    const records = withOwnCommits(generatedRecords(true));
    const stored = linkedInputOf(1, records);
    const viewed = deliveryInputFrom(records, { timeZone: 'UTC' });
    expect(stored.changes.map((change) => change.firstCommitAuthoredAt)).toEqual(
      viewed.changes.map((change) => change.firstCommitAuthoredAt),
    );
    expect(stored.links.buildIds.length).toBe(viewed.links.length);
    // The promotions do carry: links became objects, and some carrier counts only its own work.
    expect(viewed.links).not.toBeInstanceOf(LinkTable);
    const adjusted = viewed.changes.filter(
      (change, index) => change.firstCommitAuthoredAt !== records.changes[index]?.firstCommitAuthoredAt,
    );
    expect(adjusted.length).toBeGreaterThan(0);
  });
});
