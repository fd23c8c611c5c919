import type { Random } from '../model/random.ts';
import type { OrganizationModel } from '../model/organization.ts';
import { TIME } from './flow.ts';
import { makeTags, makeTitle } from './catalog.ts';
import { pickArea } from './layout.ts';
import { carryOver, recordChange, recordCreation } from './recorder.ts';
import { plannedIterationFor } from '../model/sprintPlanning.ts';
import type { LegacyType, StateName } from './types.ts';

const NEXT_STATE: Record<LegacyType, Partial<Record<StateName, StateName>>> = {
  'User Story': { New: 'Active', Active: 'Resolved', Resolved: 'Closed' },
  Bug: { New: 'Active', Active: 'Resolved', Resolved: 'Closed' },
  Task: { New: 'Active', Active: 'Closed' },
};

const LEGACY_TYPE_NAMES: readonly string[] = ['User Story', 'Bug', 'Task'];

/** Items of the first project that can move one step along their workflow (deleted items cannot). */
function openItems(model: OrganizationModel): number[] {
  const { workItems: store } = model;
  const open: number[] = [];
  for (let id = 1; id <= store.maxWorkItemId; id += 1) {
    if (!store.has(id) || store.isDeleted(id)) continue;
    const latest = store.latestIndex(id);
    if (store.projects.get(latest) !== 0) continue;
    const type = store.strings.get(store.types.get(latest));
    if (!LEGACY_TYPE_NAMES.includes(type)) continue;
    const state = store.strings.get(store.states.get(latest)) as StateName;
    if (NEXT_STATE[type as LegacyType][state] !== undefined) open.push(id);
  }
  return open;
}

/**
 * Appends `count` revisions after the latest one, as a living organization would: new items arrive
 * in the first project and open items move one step along their workflow. Returns the new indexes.
 */
export function appendActivity(model: OrganizationModel, random: Random, count: number): number[] {
  const store = model.workItems;
  const people = model.identities.map((_person, index) => index);
  const added: number[] = [];
  let at = Number.isFinite(store.lastChanged) ? store.lastChanged : Date.UTC(2026, 0, 1);
  for (let i = 0; i < count; i += 1) {
    at += random.int(5, 90) * TIME.MINUTE + random.int(1, 59_999);
    const when = new Date(at);
    const by = random.pick(people);
    const open = openItems(model);
    if (open.length === 0 || random.chance(0.3)) {
      const workItemType = random.pick<LegacyType>(['User Story', 'Bug', 'Task']);
      const item = {
        id: store.maxWorkItemId + 1,
        workItemType,
        title: makeTitle(random, workItemType),
        areaPath: pickArea(random),
        iterationPath: plannedIterationFor(model.project.iterations, when, model.project.name),
        tags: makeTags(random),
        isDeleted: false,
        parent: 0,
      };
      added.push(recordCreation(store, item, when, by));
      continue;
    }
    const id = random.pick(open);
    const latest = store.latestIndex(id);
    const type = store.strings.get(store.types.get(latest)) as LegacyType;
    const state = NEXT_STATE[type][store.strings.get(store.states.get(latest)) as StateName];
    const moved = carryOver(store, id, when, model.project.iterations);
    added.push(
      recordChange(store, id, {
        at: when,
        by,
        ...(state === undefined ? {} : { state }),
        ...(moved === undefined ? {} : { iteration: moved }),
      }),
    );
  }
  return added;
}
