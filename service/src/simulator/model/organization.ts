import type { ProcessDef, BugsBehavior, BoardColumnType } from '../processes/types.ts';
import type { WorkItemStore } from '../store/workItems.ts';
import type { LinkStore } from '../store/links.ts';
import type { DeliveryModel } from '../delivery/model.ts';

export type Scale = 'tiny' | 'demo' | 'large';

/** A fictional person; the e-mail domain is reserved for examples. */
export interface Identity {
  readonly id: string;
  readonly displayName: string;
  readonly email: string;
}

export interface IterationModel {
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly startDate: Date;
  readonly finishDate: Date;
}

export interface ColumnModel {
  readonly id: string;
  readonly name: string;
  readonly columnType: BoardColumnType;
  readonly itemLimit: number;
  readonly isSplit: boolean;
  readonly description: string;
  /** Work item type → state this column maps to. */
  readonly stateMappings: Readonly<Record<string, string>>;
}

/** A team's Kanban board for one backlog level. */
export interface BoardModel {
  readonly id: string;
  /** The backlog level's name: Stories, Features, Epics, Backlog items, Issues, Requirements. */
  readonly name: string;
  readonly levelId: string;
  /** Upper-case hex without dashes, as in the `WEF_<id>_Kanban.Column` field name. */
  readonly extensionId: string;
  readonly columns: readonly ColumnModel[];
}

export interface TeamModel {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly projectIndex: number;
  /** The team field's default value (an area path). */
  readonly areaPath: string;
  readonly areas: readonly { readonly value: string; readonly includeChildren: boolean }[];
  readonly bugsBehavior: BugsBehavior;
  readonly boards: readonly BoardModel[];
}

export interface ProjectModel {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly lastUpdateTime: Date;
  /** Id of the project's root iteration node (the teams' backlog iteration). */
  readonly rootIterationId: string;
  readonly process: ProcessDef;
  readonly teams: readonly TeamModel[];
  readonly defaultTeam: TeamModel;
  readonly areaPaths: readonly string[];
  /** Two-week sprints; grows as the simulated clock moves on. */
  readonly iterations: IterationModel[];
}

/** Everything the simulator serves for one organization. */
export interface OrganizationModel {
  /** The `now` the history was generated up to (the clock's start). */
  readonly generatedAt: Date;
  readonly seed: number;
  readonly scale: Scale;
  readonly organizationName: string;
  readonly organizationId: string;
  readonly pat: string;
  readonly identities: readonly Identity[];
  readonly projects: readonly ProjectModel[];
  /** The first project and its default team: the single team of the tiny and demo organizations. */
  readonly project: ProjectModel;
  readonly team: TeamModel;
  readonly workItems: WorkItemStore;
  readonly links: LinkStore;
  readonly delivery: DeliveryModel;
}
