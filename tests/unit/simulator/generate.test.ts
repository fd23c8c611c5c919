import { describe, expect, it } from 'vitest';
import { generateOrganization, AREA_PATHS } from '../../../service/src/simulator/generate/organization.ts';
import { appendActivity } from '../../../service/src/simulator/generate/activity.ts';
import { createRandom } from '../../../service/src/simulator/generate/random.ts';
import { AGILE_STATES, hasState } from '../../../service/src/simulator/generate/process.ts';
import type { OrganizationModel } from '../../../service/src/simulator/generate/model.ts';

const NOW = new Date('2026-03-02T00:00:00Z');
const DAY = 86_400_000;
const demo = generateOrganization({ seed: 42, scale: 'demo', now: NOW });
const tiny = generateOrganization({ seed: 42, scale: 'tiny', now: NOW });

function latestStates(model: OrganizationModel): string[] {
  return [...model.workItems.values()].map((item) => item.revisions.at(-1)?.state ?? 'none');
}

function stateSequences(model: OrganizationModel): string[][] {
  return [...model.workItems.values()].map((item) =>
    item.revisions
      .map((revision) => revision.state)
      .filter((state, index, all) => index === 0 || state !== all[index - 1]),
  );
}

describe('generateOrganization', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateOrganization({ seed: 42, scale: 'demo', now: NOW })).toEqual(demo);
    const other = generateOrganization({ seed: 43, scale: 'demo', now: NOW });
    expect(other.revisions.map((revision) => revision.title)).not.toEqual(
      demo.revisions.map((revision) => revision.title),
    );
    expect(other.pat).not.toBe(demo.pat);
  });

  it.each([
    ['tiny', tiny, 40, 45],
    ['demo', demo, 300, 182],
  ] as const)('%s scale has the expected item count and time span', (_name, model, items, days) => {
    expect(model.workItems.size).toBe(items);
    const created = [...model.workItems.values()].map(
      (item) => item.revisions[0]?.createdDate.getTime() ?? Number.NaN,
    );
    expect(Math.min(...created)).toBeGreaterThanOrEqual(NOW.getTime() - days * DAY);
    expect(
      Math.max(...model.revisions.map((revision) => revision.changedDate.getTime())),
    ).toBeLessThanOrEqual(NOW.getTime());
    expect(model.revisions.length).toBeGreaterThan(items * 2);
  });

  it.each([
    ['tiny', tiny],
    ['demo', demo],
  ] as const)('%s: every revision is valid, ordered and chained by RevisedDate', (_name, model) => {
    model.revisions.forEach((revision, index) => {
      expect(revision.watermark).toBe(index + 1);
      expect(hasState(revision.workItemType, revision.state)).toBe(true);
      const previous = model.revisions[index - 1];
      if (previous)
        expect(revision.changedDate.getTime()).toBeGreaterThanOrEqual(previous.changedDate.getTime());
    });
    for (const item of model.workItems.values()) {
      item.revisions.forEach((revision, index) => {
        expect(revision.rev).toBe(index + 1);
        expect(revision.id).toBe(item.id);
        expect(revision.createdDate).toEqual(item.revisions[0]?.createdDate);
        const next = item.revisions[index + 1];
        expect(revision.revisedDate).toEqual(next ? next.changedDate : null);
        const previous = item.revisions[index - 1];
        const stateChanged = !previous || previous.state !== revision.state;
        expect(revision.stateChangeDate).toEqual(
          stateChanged ? revision.changedDate : previous.stateChangeDate,
        );
      });
      expect(item.revisions[0]?.state).toBe('New');
    }
  });

  it('gives work item ids in creation order', () => {
    const created = [...demo.workItems.values()]
      .sort((a, b) => a.id - b.id)
      .map((item) => item.revisions[0]?.changedDate.getTime() ?? 0);
    expect(created).toEqual([...created].sort((a, b) => a - b));
  });

  it('produces a realistic mix of flows (removed, reopened, skipped, unfinished, never started)', () => {
    const latest = latestStates(demo);
    const share = (count: number): number => count / demo.workItems.size;
    const removed = latest.filter((state) => state === 'Removed').length;
    expect(share(removed)).toBeGreaterThan(0.01);
    expect(share(removed)).toBeLessThan(0.12);
    const sequences = stateSequences(demo);
    const reopened = sequences.filter((states) => states.join('>').includes('Closed>Active')).length;
    expect(share(reopened)).toBeGreaterThan(0.01);
    expect(share(reopened)).toBeLessThan(0.12);
    expect(sequences.some((states) => states.join('>') === 'New>Closed')).toBe(true);
    expect(latest.filter((state) => state === 'Active' || state === 'Resolved').length).toBeGreaterThan(2);
    expect(latest.filter((state) => state === 'New').length).toBeGreaterThan(2);
    expect(share(latest.filter((state) => state === 'Closed').length)).toBeGreaterThan(0.5);
    const sameDay = [...demo.workItems.values()].filter((item) => {
      const created = item.revisions[0]?.createdDate.toISOString().slice(0, 10);
      const closed = item.revisions
        .find((revision) => revision.state === 'Closed')
        ?.changedDate.toISOString()
        .slice(0, 10);
      return closed !== undefined && created === closed;
    });
    expect(sameDay.length).toBeGreaterThan(2);
    expect(
      demo.revisions.filter(
        (revision, index) => revision.rev > 1 && revision.state === demo.revisions[index]?.state,
      ).length,
    ).toBeGreaterThan(0);
  });

  it('uses the Agile states per type (bugs are never Removed) and the project areas', () => {
    expect(
      demo.revisions.some((revision) => revision.workItemType === 'Bug' && revision.state === 'Removed'),
    ).toBe(false);
    expect(
      demo.revisions.some((revision) => revision.workItemType === 'Task' && revision.state === 'Resolved'),
    ).toBe(false);
    expect(AGILE_STATES['User Story'].map((state) => `${state.name}=${state.category}`)).toEqual([
      'New=Proposed',
      'Active=InProgress',
      'Resolved=Resolved',
      'Closed=Completed',
      'Removed=Removed',
    ]);
    const areas = [...demo.workItems.values()].map((item) => item.revisions[0]?.areaPath ?? '');
    for (const area of areas) expect(AREA_PATHS).toContain(area);
    const platform = areas.filter((area) => area === 'Seika Demo\\Platform').length / areas.length;
    expect(platform).toBeGreaterThan(0.04);
    expect(platform).toBeLessThan(0.18);
    expect(areas.some((area) => area === 'Seika Demo\\Web\\Checkout')).toBe(true);
  });

  it('has revisions that change only the title or tags (non-state revisions)', () => {
    const edits = demo.revisions.filter((revision) => {
      const item = demo.workItems.get(revision.id);
      const previous = item?.revisions[revision.rev - 2];
      return previous !== undefined && previous.state === revision.state;
    });
    expect(edits.length).toBeGreaterThan(10);
  });
});

describe('appendActivity', () => {
  it('appends exactly the requested revisions after the latest one, deterministically', () => {
    const run = (): OrganizationModel => {
      const model = generateOrganization({ seed: 5, scale: 'tiny', now: NOW });
      appendActivity(model, createRandom(9), 25);
      return model;
    };
    const base = generateOrganization({ seed: 5, scale: 'tiny', now: NOW });
    const grown = run();
    expect(grown).toEqual(run());
    const added = grown.revisions.slice(base.revisions.length);
    expect(added).toHaveLength(25);
    const lastBefore = base.revisions.at(-1)?.changedDate.getTime() ?? 0;
    let previous = lastBefore;
    for (const revision of added) {
      expect(revision.changedDate.getTime()).toBeGreaterThan(previous);
      previous = revision.changedDate.getTime();
      expect(hasState(revision.workItemType, revision.state)).toBe(true);
    }
    expect(added.some((revision) => revision.rev === 1)).toBe(true);
    expect(added.some((revision) => revision.rev > 1)).toBe(true);
    for (const item of grown.workItems.values()) {
      item.revisions.forEach((revision, index) => {
        expect(revision.revisedDate).toEqual(item.revisions[index + 1]?.changedDate ?? null);
      });
    }
  });
});
