import { AGILE } from '../processes/agile.ts';
import { teamBoards } from '../model/boards.ts';
import type { OrganizationModel, ProjectModel, TeamModel } from '../model/organization.ts';
import { WorkItemStore } from '../store/workItems.ts';
import { LinkStore } from '../store/links.ts';
import { emptyDelivery } from '../delivery/model.ts';
import { planLegacy, recordLegacy } from '../legacy/generate.ts';
import type { FutureEvent, LegacySkeleton } from '../legacy/generate.ts';
import { AREA_PATHS, ORGANIZATION_NAME, PROJECT_NAME, TEAM_AREA, TEAM_NAME } from '../legacy/layout.ts';
import type { LegacyScale } from '../legacy/layout.ts';
import { legacyLinks } from '../legacy/links.ts';

export interface LegacyOrganization {
  readonly model: OrganizationModel;
  readonly skeleton: LegacySkeleton;
  readonly future: readonly FutureEvent[];
}

function legacyProject(seed: number, skeleton: LegacySkeleton): ProjectModel {
  const team: TeamModel = {
    id: skeleton.teamId,
    name: TEAM_NAME,
    description: 'Builds the web shop',
    projectIndex: 0,
    areaPath: TEAM_AREA,
    areas: [{ value: TEAM_AREA, includeChildren: true }],
    bugsBehavior: 'asRequirements',
    boards: teamBoards(seed, AGILE, skeleton.teamId, 'asRequirements'),
  };
  return {
    index: 0,
    id: skeleton.projectId,
    name: PROJECT_NAME,
    description: 'Demo project for Seika flow metrics',
    lastUpdateTime: skeleton.start,
    rootIterationId: skeleton.rootIterationId,
    process: AGILE,
    teams: [team],
    defaultTeam: team,
    areaPaths: AREA_PATHS,
    iterations: skeleton.iterations,
  };
}

/** The tiny and demo organizations: the first simulator's project and team, same data per seed. */
export function generateLegacyOrganization(seed: number, scale: LegacyScale, now: Date): LegacyOrganization {
  const skeleton = planLegacy(seed, scale, now);
  const project = legacyProject(seed, skeleton);
  const model: OrganizationModel = {
    generatedAt: now,
    seed,
    scale,
    organizationName: ORGANIZATION_NAME,
    organizationId: skeleton.organizationId,
    pat: skeleton.pat,
    identities: skeleton.identities,
    projects: [project],
    project,
    team: project.defaultTeam,
    workItems: new WorkItemStore(),
    links: new LinkStore(),
    delivery: emptyDelivery(),
  };
  const future = recordLegacy(model.workItems, skeleton, now, []);
  for (const { item } of skeleton.plans) if (item.isDeleted) model.workItems.markDeleted(item.id);
  for (const change of legacyLinks(seed, skeleton, now)) model.links.append(change);
  return { model, skeleton, future };
}
