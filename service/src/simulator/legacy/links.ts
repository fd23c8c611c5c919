import { createRandom, deriveSeed } from '../model/random.ts';
import type { LinkChange } from '../store/links.ts';
import type { LegacySkeleton } from './generate.ts';

const DAY = 86_400_000;

/**
 * Links of the tiny and demo organizations, from their own stream: each task's parent story (linked
 * when the task was created), and some bugs related to a recent story of their area, a few of which
 * were unlinked again later.
 */
export function legacyLinks(seed: number, skeleton: LegacySkeleton, now: Date): LinkChange[] {
  const random = createRandom(deriveSeed(seed, 'legacy-links'));
  const changes: LinkChange[] = [];
  const latestStory = new Map<string, number>();
  for (const { item, events } of skeleton.plans) {
    const created = events[0]?.at.getTime() ?? 0;
    if (created > now.getTime()) continue;
    if (item.parent !== 0) {
      changes.push({
        source: item.parent,
        target: item.id,
        rel: 'System.LinkTypes.Hierarchy',
        changed: created,
        isActive: true,
      });
    }
    const story = latestStory.get(item.areaPath);
    if (item.workItemType === 'Bug' && story !== undefined && random.chance(0.3)) {
      changes.push({
        source: item.id,
        target: story,
        rel: 'System.LinkTypes.Related',
        changed: created,
        isActive: true,
      });
      const removedAt = created + random.int(1, 20) * DAY;
      if (random.chance(0.15) && removedAt <= now.getTime()) {
        changes.push({
          source: item.id,
          target: story,
          rel: 'System.LinkTypes.Related',
          changed: removedAt,
          isActive: false,
        });
      }
    }
    if (item.workItemType === 'User Story') latestStory.set(item.areaPath, item.id);
  }
  return changes.sort((a, b) => a.changed - b.changed || a.source - b.source || a.target - b.target);
}
