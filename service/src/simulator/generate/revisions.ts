import { AGILE_REASONS, boardColumnFor } from './process.ts';
import type { StateName, WorkItemTypeName } from './process.ts';
import type { Identity, OrganizationModel, WorkItemRevision } from './model.ts';

export interface NewItem {
  readonly id: number;
  readonly workItemType: WorkItemTypeName;
  readonly title: string;
  readonly areaPath: string;
  readonly iterationPath: string;
  readonly tags: readonly string[];
  readonly isDeleted: boolean;
}

export interface Change {
  readonly at: Date;
  readonly by: Identity;
  readonly state?: StateName;
  readonly reactivated?: boolean;
  readonly title?: string;
  readonly tags?: readonly string[];
}

function append(model: OrganizationModel, revision: Omit<WorkItemRevision, 'watermark'>): WorkItemRevision {
  const last = model.revisions.at(-1);
  if (last && last.changedDate.getTime() > revision.changedDate.getTime()) {
    throw new Error('revisions must be recorded in change order');
  }
  const stored: WorkItemRevision = { ...revision, watermark: model.revisions.length + 1 };
  model.revisions.push(stored);
  return stored;
}

/** Records rev 1 of a new work item (state New) at the end of the change stream. */
export function recordCreation(
  model: OrganizationModel,
  item: NewItem,
  at: Date,
  by: Identity,
): WorkItemRevision {
  if (model.workItems.has(item.id)) throw new Error(`work item ${item.id} already exists`);
  const revision = append(model, {
    id: item.id,
    rev: 1,
    workItemType: item.workItemType,
    title: item.title,
    state: 'New',
    reason: AGILE_REASONS[item.workItemType].New,
    areaPath: item.areaPath,
    iterationPath: item.iterationPath,
    createdDate: at,
    createdBy: by,
    changedDate: at,
    changedBy: by,
    revisedDate: null,
    stateChangeDate: at,
    tags: item.tags,
    boardColumn: boardColumnFor(item.workItemType, 'New', undefined),
  });
  model.workItems.set(item.id, {
    id: item.id,
    workItemType: item.workItemType,
    isDeleted: item.isDeleted,
    revisions: [revision],
  });
  return revision;
}

/** Records the next revision of an existing item; the previous latest revision gets its RevisedDate. */
export function recordChange(model: OrganizationModel, id: number, change: Change): WorkItemRevision {
  const item = model.workItems.get(id);
  const previous = item?.revisions.at(-1);
  if (!item || !previous) throw new Error(`work item ${id} does not exist`);
  const stateChanged = change.state !== undefined && change.state !== previous.state;
  const state = change.state ?? previous.state;
  const reasons = AGILE_REASONS[item.workItemType];
  const revision = append(model, {
    ...previous,
    rev: previous.rev + 1,
    title: change.title ?? previous.title,
    tags: change.tags ?? previous.tags,
    state,
    reason: stateChanged
      ? change.reactivated === true
        ? reasons.Reactivated
        : reasons[state]
      : previous.reason,
    changedDate: change.at,
    changedBy: change.by,
    revisedDate: null,
    stateChangeDate: stateChanged ? change.at : previous.stateChangeDate,
    boardColumn: boardColumnFor(item.workItemType, state, previous.boardColumn),
  });
  previous.revisedDate = change.at;
  item.revisions.push(revision);
  return revision;
}
