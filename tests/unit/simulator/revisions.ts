import type { OrganizationModel } from '../../../service/src/simulator/model/organization.ts';
import { tagNames } from '../../../service/src/simulator/model/tags.ts';

/** A revision of the store as a plain object, for readable assertions. */
export interface PlainRevision {
  readonly index: number;
  readonly id: number;
  readonly rev: number;
  readonly type: string;
  readonly state: string;
  readonly area: string;
  readonly title: string;
  readonly tags: readonly string[];
  readonly changed: number;
  readonly next: number;
  readonly stateSince: number;
  readonly deleted: boolean;
  readonly project: number;
}

export function revisionsOf(model: OrganizationModel): PlainRevision[] {
  const store = model.workItems;
  const { strings } = store;
  return Array.from({ length: store.revisionCount }, (_unused, index) => ({
    index,
    id: store.ids.get(index),
    rev: store.revs.get(index),
    type: strings.get(store.types.get(index)),
    state: strings.get(store.states.get(index)),
    area: strings.get(store.areas.get(index)),
    title: strings.get(store.titles.get(index)),
    tags: tagNames(store.tags.get(index)),
    changed: store.changed.get(index),
    next: store.next.get(index),
    stateSince: store.stateSince.get(index),
    deleted: store.isDeletion(index),
    project: store.projects.get(index),
  }));
}

export function byItem(revisions: readonly PlainRevision[]): Map<number, PlainRevision[]> {
  const items = new Map<number, PlainRevision[]>();
  for (const revision of revisions) {
    const list = items.get(revision.id) ?? [];
    list.push(revision);
    items.set(revision.id, list);
  }
  return items;
}
