import type { ProcessDef, WorkItemTypeDef } from './types.ts';
import { AGILE } from './agile.ts';
import { COLOR, state } from './colors.ts';

/** A custom state, as an inherited process adds it: a waiting state in the In Progress category. */
const IN_REVIEW = state('In Review', 'InProgress', COLOR.review);

function withReview(type: WorkItemTypeDef): WorkItemTypeDef {
  if (type.name !== 'User Story' && type.name !== 'Bug') return type;
  const activeAt = type.states.findIndex((candidate) => candidate.name === 'Active');
  const states = [...type.states.slice(0, activeAt + 1), IN_REVIEW, ...type.states.slice(activeAt + 1)];
  return { ...type, states, reasons: { ...type.reasons, 'In Review': 'Ready for review' } };
}

/** "Seika Agile": inherited from Agile with the custom state In Review on stories and bugs. */
export const SEIKA_AGILE: ProcessDef = {
  ...AGILE,
  name: 'Seika Agile',
  templateTypeId: '0f7a3c7e-5b1d-4d8e-9a51-3c2e5d6f7a80',
  parent: 'Agile',
  types: AGILE.types.map(withReview),
  requirementColumns: [
    { name: 'New', columnType: 'incoming', state: 'New', itemLimit: 0, isSplit: false },
    { name: 'Active', columnType: 'inProgress', state: 'Active', itemLimit: 5, isSplit: true },
    { name: 'In Review', columnType: 'inProgress', state: 'In Review', itemLimit: 3, isSplit: false },
    { name: 'Resolved', columnType: 'inProgress', state: 'Resolved', itemLimit: 5, isSplit: false },
    { name: 'Closed', columnType: 'outgoing', state: 'Closed', itemLimit: 0, isSplit: false },
  ],
};
