import type { ProjectModel, TeamModel } from '../model/organization.ts';
import type { ProcessDef, WorkItemTypeDef } from '../processes/types.ts';
import { typeOf } from '../processes/types.ts';

/** What the work item engine needs to know about one team. */
export interface TeamContext {
  readonly key: string;
  readonly project: ProjectModel;
  readonly team: TeamModel;
  /** Area paths the team files items under (its default area first). */
  readonly areas: readonly string[];
  readonly people: readonly number[];
  /** Activity group (see ActivityIndex) the team's repositories pick referenced items from. */
  readonly group: number;
  /** Items a day (all types) arriving on working days. */
  readonly arrivalsPerDay: number;
  /** Type mix of new items (requirement-level and bugs; tasks are created under started items). */
  readonly mix: readonly { readonly type: string; readonly weight: number }[];
  /** Other teams of the same project (and same-process projects) an item may move to. */
  moveTargets: readonly TeamContext[];
}

export function processTypes(process: ProcessDef): {
  requirement: WorkItemTypeDef;
  bug: WorkItemTypeDef | undefined;
  task: WorkItemTypeDef;
} {
  const requirement = typeOf(process, process.requirement.types[0] ?? '');
  const task = typeOf(process, process.task.types[0] ?? '');
  if (!requirement || !task) throw new Error(`process ${process.name} lacks requirement or task types`);
  return { requirement, bug: typeOf(process, process.bug.types[0] ?? ''), task };
}

/** The default mix: requirements and bugs (Basic has no bugs; its issues stand in). */
export function defaultMix(process: ProcessDef): { type: string; weight: number }[] {
  const { requirement, bug } = processTypes(process);
  return bug
    ? [
        { type: requirement.name, weight: 0.7 },
        { type: bug.name, weight: 0.3 },
      ]
    : [{ type: requirement.name, weight: 1 }];
}
