import type { StateCategory } from '../../domain/workflow.ts';
import type { BoardModel, ProjectModel, TeamModel } from './organization.ts';
import { levelOfType } from '../processes/index.ts';
import type { ProcessDef } from '../processes/types.ts';

const categories = new WeakMap<ProcessDef, Map<string, StateCategory>>();

/** The category of a type's state in a process (undefined for a state the type does not have). */
export function categoryOf(process: ProcessDef, type: string, state: string): StateCategory | undefined {
  let map = categories.get(process);
  if (!map) {
    map = new Map();
    for (const definition of process.types)
      for (const candidate of definition.states)
        map.set(`${definition.name}\u0000${candidate.name}`, candidate.category);
    categories.set(process, map);
  }
  return map.get(`${type}\u0000${state}`);
}

/** The board a work item type appears on for a team (tasks, and bugs a team keeps off, have none). */
export function boardFor(project: ProjectModel, team: TeamModel, type: string): BoardModel | undefined {
  const level = levelOfType(project.process, type);
  if (level === 'task' || level === undefined) return undefined;
  if (level === 'bug' && team.bugsBehavior !== 'asRequirements') return undefined;
  const levelId =
    level === 'portfolio'
      ? project.process.portfolio.find((candidate) => candidate.types.includes(type))?.id
      : project.process.requirement.id;
  return team.boards.find((board) => board.levelId === levelId);
}
