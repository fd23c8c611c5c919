import type { ProcessDef, WorkItemTypeDef } from './types.ts';
import { COLOR, state } from './colors.ts';

const PROPOSED = state('Proposed', 'Proposed', COLOR.proposed);
const ACTIVE = state('Active', 'InProgress', COLOR.inProgress);
const RESOLVED = state('Resolved', 'Resolved', COLOR.resolved);
const CLOSED = state('Closed', 'Completed', COLOR.completed);

/** CMMI has no Removed state: cut work is Closed with reason Rejected. */
const cmmiType = (
  name: string,
  referenceName: string,
  color: string,
  icon: string,
  reasons: Record<string, string>,
): WorkItemTypeDef => ({
  name,
  referenceName,
  color,
  icon,
  states: [PROPOSED, ACTIVE, RESOLVED, CLOSED],
  reasons,
  backwardReason: 'Reactivated',
});

const requirementReasons = {
  Proposed: 'New',
  Active: 'Accepted',
  Resolved: 'Code complete and unit tests pass',
  Closed: 'Validation test passed',
};

export const CMMI: ProcessDef = {
  name: 'CMMI',
  templateTypeId: '27450541-8e31-4150-9947-dc59f998fc01',
  parent: undefined,
  types: [
    cmmiType('Epic', 'Microsoft.VSTS.WorkItemTypes.Epic', 'FF7B00', 'icon_crown', requirementReasons),
    cmmiType('Feature', 'Microsoft.VSTS.WorkItemTypes.Feature', '773B93', 'icon_trophy', requirementReasons),
    cmmiType('Requirement', 'Microsoft.VSTS.CMMI.Requirement', '009CCC', 'icon_book', requirementReasons),
    cmmiType('Bug', 'Microsoft.VSTS.WorkItemTypes.Bug', 'CC293D', 'icon_insect', {
      Proposed: 'New',
      Active: 'Approved',
      Resolved: 'Fixed',
      Closed: 'Verified',
    }),
    cmmiType('Task', 'Microsoft.VSTS.WorkItemTypes.Task', 'F2CB1D', 'icon_clipboard', {
      Proposed: 'New',
      Active: 'Accepted',
      Resolved: 'Complete',
      Closed: 'Complete',
    }),
  ],
  requirement: {
    id: 'Microsoft.RequirementCategory',
    name: 'Requirements',
    rank: 2,
    color: '009CCC',
    types: ['Requirement'],
  },
  task: { id: 'Microsoft.TaskCategory', name: 'Tasks', rank: 1, color: 'F2CB1D', types: ['Task'] },
  portfolio: [
    { id: 'Microsoft.EpicCategory', name: 'Epics', rank: 4, color: 'FF7B00', types: ['Epic'] },
    { id: 'Microsoft.FeatureCategory', name: 'Features', rank: 3, color: '773B93', types: ['Feature'] },
  ],
  bug: { id: 'Microsoft.BugCategory', name: 'Bugs', rank: 0, color: 'CC293D', types: ['Bug'] },
  effortField: { referenceName: 'Microsoft.VSTS.Scheduling.Size', name: 'Size' },
  defaultBugsBehavior: 'off',
  requirementColumns: [
    { name: 'Proposed', columnType: 'incoming', state: 'Proposed', itemLimit: 0, isSplit: false },
    { name: 'Active', columnType: 'inProgress', state: 'Active', itemLimit: 5, isSplit: false },
    { name: 'Resolved', columnType: 'inProgress', state: 'Resolved', itemLimit: 5, isSplit: false },
    { name: 'Closed', columnType: 'outgoing', state: 'Closed', itemLimit: 0, isSplit: false },
  ],
};
