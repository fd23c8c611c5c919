import type { StateDef } from './types.ts';
import type { StateCategory } from '../../domain/workflow.ts';

/** State colours as the system processes ship them. */
export const COLOR = {
  proposed: 'b2b2b2',
  inProgress: '007acc',
  resolved: 'ff9d00',
  completed: '339933',
  removed: 'ffffff',
  review: '8b5cf6',
} as const;

export const state = (name: string, category: StateCategory, color: string): StateDef => ({
  name,
  category,
  color,
});
