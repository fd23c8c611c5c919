import type { LocationKey } from '../locations.ts';

/**
 * What a request costs in TSTUs. Chosen so that a well-behaved full sync of the demo organization
 * (paged lists, one timeline and change list per build) stays far below the 200 TSTU budget, while
 * reading a large organization one item at a time — single work items, WIQL, per-item calls — runs into
 * delays within minutes: single-item reads cost as much as a page.
 */
export const DEFAULT_COSTS: Readonly<Record<LocationKey, number>> = {
  resourceAreas: 0,
  connectionData: 0,
  permissions: 0,
  projects: 0.05,
  teams: 0.05,
  allTeams: 0.05,
  reportingRevisions: 0.2,
  reportingLinks: 0.2,
  workItemTypeStates: 0.05,
  workItemTypes: 0.05,
  workItems: 0.25,
  workItemRevisions: 0.25,
  workItemsBatch: 0.3,
  wiql: 1,
  teamSettings: 0.05,
  teamFieldValues: 0.05,
  teamIterations: 0.05,
  teamDaysOff: 0.05,
  backlogConfiguration: 0.05,
  processConfiguration: 0.05,
  boards: 0.05,
  boardColumns: 0.05,
  builds: 0.1,
  buildChanges: 0.02,
  changesBetweenBuilds: 0.05,
  buildWorkItems: 0.02,
  buildTimeline: 0.02,
  buildDefinitions: 0.05,
  pipelines: 0.05,
  pipelineRuns: 0.3,
  environments: 0.05,
  environmentDeploymentRecords: 0.05,
  releaseDeployments: 0.1,
  releaseDefinitions: 0.05,
  releases: 0.1,
  gitRepositories: 0.05,
  gitPullRequestsByProject: 0.1,
  gitPullRequestById: 0.05,
  gitPullRequests: 0.1,
  gitPullRequestCommits: 0.02,
  gitCommits: 0.1,
  gitPushes: 0.05,
  hooksSubscriptions: 0.05,
  hooksPublishers: 0.05,
};

/** Each item returned adds a little: a page of 200 revisions costs 0.4. */
export const COST_PER_ITEM = 0.001;
