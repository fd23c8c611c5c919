import type { Random } from './random.ts';
import { TIME } from './flow.ts';
import { makeTags, makeTitle } from './catalog.ts';
import { iterationFor, pickArea } from './organization.ts';
import { recordChange, recordCreation } from './revisions.ts';
import type { StateName, WorkItemTypeName } from './process.ts';
import type { OrganizationModel, WorkItemModel, WorkItemRevision } from './model.ts';

const NEXT_STATE: Record<WorkItemTypeName, Partial<Record<StateName, StateName>>> = {
  'User Story': { New: 'Active', Active: 'Resolved', Resolved: 'Closed' },
  Bug: { New: 'Active', Active: 'Resolved', Resolved: 'Closed' },
  Task: { New: 'Active', Active: 'Closed' },
};

function openItems(model: OrganizationModel): WorkItemModel[] {
  return [...model.workItems.values()].filter((item) => {
    const latest = item.revisions.at(-1);
    return latest !== undefined && NEXT_STATE[item.workItemType][latest.state] !== undefined;
  });
}

/**
 * Appends `count` revisions after the latest one, as a living organization would:
 * new items arrive and open items move one step along their workflow.
 */
export function appendActivity(model: OrganizationModel, random: Random, count: number): WorkItemRevision[] {
  const added: WorkItemRevision[] = [];
  let at = model.revisions.at(-1)?.changedDate.getTime() ?? Date.UTC(2026, 0, 1);
  for (let i = 0; i < count; i += 1) {
    at += random.int(5, 90) * TIME.MINUTE + random.int(1, 59_999);
    const when = new Date(at);
    const by = random.pick(model.identities);
    const open = openItems(model);
    if (open.length === 0 || random.chance(0.3)) {
      const workItemType = random.pick<WorkItemTypeName>(['User Story', 'Bug', 'Task']);
      const id = Math.max(0, ...model.workItems.keys()) + 1;
      const item = {
        id,
        workItemType,
        title: makeTitle(random, workItemType),
        areaPath: pickArea(random),
        iterationPath: iterationFor(model.iterations, when),
        tags: makeTags(random),
        isDeleted: false,
      };
      added.push(recordCreation(model, item, when, by));
      continue;
    }
    const item = random.pick(open);
    const latest = item.revisions.at(-1);
    const state = latest ? NEXT_STATE[item.workItemType][latest.state] : undefined;
    added.push(recordChange(model, item.id, { at: when, by, state }));
  }
  return added;
}
