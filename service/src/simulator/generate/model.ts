import type { StateName, WorkItemTypeName } from './process.ts';

/** In-memory organization the simulator serves: one organization, one project, one team. */
export interface Identity {
  readonly id: string;
  readonly displayName: string;
  readonly email: string;
}

export interface ProjectModel {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly lastUpdateTime: Date;
  /** Id of the project's root iteration node (the team's backlog iteration). */
  readonly rootIterationId: string;
}

export interface TeamModel {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly areaPath: string;
}

export interface IterationModel {
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly startDate: Date;
  readonly finishDate: Date;
}

/** One revision as stored; `revisedDate` is null while it is the item's latest revision. */
export interface WorkItemRevision {
  readonly watermark: number;
  readonly id: number;
  readonly rev: number;
  readonly workItemType: WorkItemTypeName;
  readonly title: string;
  readonly state: StateName;
  readonly reason: string;
  readonly areaPath: string;
  readonly iterationPath: string;
  readonly createdDate: Date;
  readonly createdBy: Identity;
  readonly changedDate: Date;
  readonly changedBy: Identity;
  revisedDate: Date | null;
  readonly stateChangeDate: Date;
  readonly tags: readonly string[];
  readonly boardColumn: string | undefined;
}

export interface WorkItemModel {
  readonly id: number;
  readonly workItemType: WorkItemTypeName;
  /** In the recycle bin: hidden from reporting unless includeDeleted. */
  readonly isDeleted: boolean;
  readonly revisions: WorkItemRevision[];
}

export interface OrganizationModel {
  /** The `now` the data was generated for; activity added later may run past it. */
  readonly generatedAt: Date;
  readonly organizationName: string;
  readonly organizationId: string;
  readonly project: ProjectModel;
  readonly team: TeamModel;
  readonly areaPaths: readonly string[];
  readonly iterations: readonly IterationModel[];
  readonly identities: readonly Identity[];
  readonly pat: string;
  readonly workItems: Map<number, WorkItemModel>;
  /** Every revision in change order; position i holds watermark i + 1. */
  readonly revisions: WorkItemRevision[];
}

export type Scale = 'tiny' | 'demo';
