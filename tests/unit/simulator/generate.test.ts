import { describe, expect, it } from 'vitest';
import { generateOrganization } from '../../../service/src/simulator/generate/organization.ts';
import { AREA_PATHS, LEGACY_SCALES } from '../../../service/src/simulator/legacy/layout.ts';
import { appendActivity } from '../../../service/src/simulator/legacy/activity.ts';
import { createRandom } from '../../../service/src/simulator/model/random.ts';
import { AGILE } from '../../../service/src/simulator/processes/agile.ts';
import { typeOf } from '../../../service/src/simulator/processes/types.ts';
import { byItem, revisionsOf } from './revisions.ts';

const NOW = new Date('2026-03-02T00:00:00Z');
const DAY = 86_400_000;
const demo = generateOrganization({ seed: 42, scale: 'demo', now: NOW });
const tiny = generateOrganization({ seed: 42, scale: 'tiny', now: NOW });

const hasState = (type: string, state: string): boolean =>
  typeOf(AGILE, type)?.states.some((candidate) => candidate.name === state) === true;

describe('tiny and demo organizations (the first simulator’s work items)', () => {
  it('are deterministic for a seed and differ between seeds', () => {
    const again = generateOrganization({ seed: 42, scale: 'demo', now: NOW });
    expect(revisionsOf(again.model)).toEqual(revisionsOf(demo.model));
    expect(again.model.delivery).toEqual(demo.model.delivery);
    const other = generateOrganization({ seed: 43, scale: 'demo', now: NOW });
    expect(revisionsOf(other.model).map((revision) => revision.title)).not.toEqual(
      revisionsOf(demo.model).map((revision) => revision.title),
    );
    expect(other.model.pat).not.toBe(demo.model.pat);
  });

  it.each([
    ['tiny', tiny, LEGACY_SCALES.tiny],
    ['demo', demo, LEGACY_SCALES.demo],
  ] as const)(
    '%s has the first simulator’s items, then incidents, within its time span',
    (_name, world, scale) => {
      const items = byItem(revisionsOf(world.model));
      const legacy = [...items.keys()].filter((id) => id <= scale.items);
      expect(legacy).toHaveLength(scale.items);
      const incidents = [...items.values()].filter((revisions) => revisions[0]?.tags.includes('incident'));
      expect(incidents.length).toBe(world.model.delivery.incidents.length);
      expect(incidents.length).toBeGreaterThan(0);
      for (const revisions of incidents) {
        expect(revisions[0]?.id).toBeGreaterThan(scale.items);
        expect(revisions[0]?.type).toBe('Bug');
        expect(revisions[0]?.area).toBe('Seika Demo\\Platform');
      }
      const created = [...items.values()].map((revisions) => revisions[0]?.changed ?? Number.NaN);
      expect(Math.min(...created)).toBeGreaterThanOrEqual(NOW.getTime() - scale.days * DAY);
      expect(world.model.workItems.lastChanged).toBeLessThanOrEqual(NOW.getTime());
    },
  );

  it.each([
    ['tiny', tiny],
    ['demo', demo],
  ] as const)('%s: revisions are in change order, valid, and chained by RevisedDate', (_name, world) => {
    const revisions = revisionsOf(world.model);
    revisions.forEach((revision, index) => {
      expect(hasState(revision.type, revision.state)).toBe(true);
      const previous = revisions[index - 1];
      if (previous) expect(revision.changed).toBeGreaterThanOrEqual(previous.changed);
    });
    for (const [id, list] of byItem(revisions)) {
      list.forEach((revision, index) => {
        expect(revision.rev).toBe(index + 1);
        expect(revision.id).toBe(id);
        const next = list[index + 1];
        expect(revision.next).toBe(next ? next.index : -1);
        const previous = list[index - 1];
        const stateChanged = !previous || previous.state !== revision.state;
        expect(revision.stateSince).toBe(stateChanged ? revision.index : previous.stateSince);
      });
      expect(list[0]?.state).toBe('New');
    }
  });

  it('gives the first simulator’s ids in creation order', () => {
    const firsts = [...byItem(revisionsOf(demo.model)).values()]
      .map((list) => list[0])
      .filter((revision) => revision !== undefined && revision.id <= LEGACY_SCALES.demo.items)
      .sort((a, b) => (a?.id ?? 0) - (b?.id ?? 0))
      .map((revision) => revision?.changed ?? 0);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
  });

  it('produces a realistic mix of flows (removed, reopened, skipped, unfinished, never started, same day)', () => {
    const items = [...byItem(revisionsOf(demo.model)).values()].filter(
      (list) => (list[0]?.id ?? 0) <= LEGACY_SCALES.demo.items,
    );
    const latest = items.map((list) => list.at(-1)?.state ?? '');
    const share = (count: number): number => count / items.length;
    const removed = latest.filter((state) => state === 'Removed').length;
    expect(share(removed)).toBeGreaterThan(0.01);
    expect(share(removed)).toBeLessThan(0.12);
    const sequences = items.map((list) =>
      list
        .map((revision) => revision.state)
        .filter((state, index, all) => index === 0 || state !== all[index - 1]),
    );
    const reopened = sequences.filter((states) => states.join('>').includes('Closed>Active')).length;
    expect(share(reopened)).toBeGreaterThan(0.01);
    expect(share(reopened)).toBeLessThan(0.12);
    expect(sequences.some((states) => states.join('>') === 'New>Closed')).toBe(true);
    expect(latest.filter((state) => state === 'Active' || state === 'Resolved').length).toBeGreaterThan(2);
    expect(latest.filter((state) => state === 'New').length).toBeGreaterThan(2);
    expect(share(latest.filter((state) => state === 'Closed').length)).toBeGreaterThan(0.5);
    const sameDay = items.filter((list) => {
      const created = new Date(list[0]?.changed ?? 0).toISOString().slice(0, 10);
      const closed = list.find((revision) => revision.state === 'Closed');
      return closed !== undefined && new Date(closed.changed).toISOString().slice(0, 10) === created;
    });
    expect(sameDay.length).toBeGreaterThan(2);
    expect(
      items.some((list) =>
        list.some((revision, index) => index > 0 && list[index - 1]?.state === revision.state),
      ),
    ).toBe(true);
  });

  it('uses the Agile states per type (bugs are never Removed) and the project areas', () => {
    const revisions = revisionsOf(demo.model);
    expect(revisions.some((revision) => revision.type === 'Bug' && revision.state === 'Removed')).toBe(false);
    expect(revisions.some((revision) => revision.type === 'Task' && revision.state === 'Resolved')).toBe(
      false,
    );
    expect(typeOf(AGILE, 'User Story')?.states.map((state) => `${state.name}=${state.category}`)).toEqual([
      'New=Proposed',
      'Active=InProgress',
      'Resolved=Resolved',
      'Closed=Completed',
      'Removed=Removed',
    ]);
    const firsts = [...byItem(revisions).values()].map((list) => list[0]);
    for (const revision of firsts) expect(AREA_PATHS).toContain(revision?.area);
    const legacy = firsts.filter((revision) => (revision?.id ?? 0) <= LEGACY_SCALES.demo.items);
    const platform =
      legacy.filter((revision) => revision?.area === 'Seika Demo\\Platform').length / legacy.length;
    expect(platform).toBeGreaterThan(0.04);
    expect(platform).toBeLessThan(0.18);
  });

  it('puts deleted items in the recycle bin with a last revision flagged deleted', () => {
    const revisions = revisionsOf(demo.model);
    const deletions = revisions.filter((revision) => revision.deleted);
    expect(deletions.length).toBeGreaterThan(0);
    for (const deletion of deletions) {
      expect(deletion.next).toBe(-1);
      expect(demo.model.workItems.isDeleted(deletion.id)).toBe(true);
    }
  });
});

describe('appendActivity', () => {
  it('appends exactly the requested revisions after the latest one, deterministically', () => {
    const run = () => {
      const world = generateOrganization({ seed: 5, scale: 'tiny', now: NOW });
      appendActivity(world.model, createRandom(9), 25);
      return world;
    };
    const base = generateOrganization({ seed: 5, scale: 'tiny', now: NOW });
    const grown = run();
    expect(revisionsOf(grown.model)).toEqual(revisionsOf(run().model));
    const added = revisionsOf(grown.model).slice(base.model.workItems.revisionCount);
    expect(added).toHaveLength(25);
    let previous = base.model.workItems.lastChanged;
    for (const revision of added) {
      expect(revision.changed).toBeGreaterThan(previous);
      previous = revision.changed;
      expect(hasState(revision.type, revision.state)).toBe(true);
      expect(grown.model.workItems.isDeleted(revision.id)).toBe(false);
    }
    expect(added.some((revision) => revision.rev === 1)).toBe(true);
    expect(added.some((revision) => revision.rev > 1)).toBe(true);
  });
});
