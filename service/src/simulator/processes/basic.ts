import type { ProcessDef, WorkItemTypeDef } from './types.ts';
import { COLOR, state } from './colors.ts';

const TO_DO = state('To Do', 'Proposed', COLOR.proposed);
const DOING = state('Doing', 'InProgress', COLOR.inProgress);
const DONE = state('Done', 'Completed', COLOR.completed);

const basicType = (name: string, referenceName: string, color: string, icon: string): WorkItemTypeDef => ({
  name,
  referenceName,
  color,
  icon,
  states: [TO_DO, DOING, DONE],
  reasons: { 'To Do': 'Added to backlog', Doing: 'Started', Done: 'Completed' },
  backwardReason: 'Reactivated',
});

/** Basic has no Bug type and no Removed state. */
export const BASIC: ProcessDef = {
  name: 'Basic',
  templateTypeId: 'b8a3a935-7e91-48b8-a94c-606d37c3e9f2',
  parent: undefined,
  types: [
    basicType('Epic', 'Microsoft.VSTS.WorkItemTypes.Epic', 'FF7B00', 'icon_crown'),
    basicType('Issue', 'Microsoft.VSTS.WorkItemTypes.Issue', '339947', 'icon_clipboard_issue'),
    basicType('Task', 'Microsoft.VSTS.WorkItemTypes.Task', 'F2CB1D', 'icon_clipboard'),
  ],
  requirement: {
    id: 'Microsoft.RequirementCategory',
    name: 'Issues',
    rank: 2,
    color: '339947',
    types: ['Issue'],
  },
  task: { id: 'Microsoft.TaskCategory', name: 'Tasks', rank: 1, color: 'F2CB1D', types: ['Task'] },
  portfolio: [{ id: 'Microsoft.EpicCategory', name: 'Epics', rank: 3, color: 'FF7B00', types: ['Epic'] }],
  bug: { id: 'Microsoft.BugCategory', name: 'Bugs', rank: 0, color: 'CC293D', types: [] },
  effortField: { referenceName: 'Microsoft.VSTS.Scheduling.Effort', name: 'Effort' },
  defaultBugsBehavior: 'off',
  requirementColumns: [
    { name: 'To Do', columnType: 'incoming', state: 'To Do', itemLimit: 0, isSplit: false },
    { name: 'Doing', columnType: 'inProgress', state: 'Doing', itemLimit: 5, isSplit: false },
    { name: 'Done', columnType: 'outgoing', state: 'Done', itemLimit: 0, isSplit: false },
  ],
};
