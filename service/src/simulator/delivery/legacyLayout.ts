import { derivedGuid } from '../model/ids.ts';
import type { OrganizationModel } from '../model/organization.ts';
import { PLATFORM_AREA } from '../legacy/layout.ts';
import type { RepositoryProfile } from './context.ts';
import type { StageDef } from './model.ts';

const DAY = 86_400_000;

export const YAML_STAGES = (dev: number, staging: number, production: number): StageDef[] => [
  { name: 'Build', displayName: 'Build', environment: -1 },
  { name: 'DeployDev', displayName: 'Deploy to dev', environment: dev },
  { name: 'DeployStaging', displayName: 'Deploy to staging', environment: staging },
  { name: 'DeployProduction', displayName: 'Deploy to production', environment: production },
];

/**
 * Delivery of the tiny and demo organizations: `seika-web` deploys itself through YAML environments
 * dev → staging → production; `seika-platform` is built by a CI pipeline and released by the classic
 * release pipeline "Platform Release" (Dev → QA → Production). Incidents are filed under Platform.
 */
export function legacyDeliveryLayout(
  seed: number,
  model: OrganizationModel,
  start: number,
): RepositoryProfile[] {
  const { delivery } = model;
  const project = model.project;
  const people = model.identities.map((_person, index) => index);
  const createdOn = start - 30 * DAY;
  for (const name of ['dev', 'staging', 'production'])
    delivery.environments.push({
      id: delivery.environments.length + 1,
      name,
      projectIndex: 0,
      description: `${name} environment of ${project.name}`,
      createdOn,
      createdBy: 0,
    });
  for (const name of ['seika-web', 'seika-platform'])
    delivery.repositories.push({
      index: delivery.repositories.length,
      id: derivedGuid(seed, `repository:${name}`),
      name,
      projectIndex: 0,
      teamIndex: 0,
      main: [],
      branch: [],
    });
  delivery.pipelines.push(
    {
      id: 1,
      name: 'seika-web',
      projectIndex: 0,
      repository: 0,
      folder: '\\',
      yamlFilename: 'azure-pipelines.yml',
      stages: YAML_STAGES(0, 1, 2),
      createdDate: createdOn,
      releaseDefinition: -1,
    },
    {
      id: 2,
      name: 'seika-platform-ci',
      projectIndex: 0,
      repository: 1,
      folder: '\\platform',
      yamlFilename: 'ci/build.yml',
      stages: [{ name: 'Build', displayName: 'Build', environment: -1 }],
      createdDate: createdOn,
      releaseDefinition: 0,
    },
  );
  delivery.releaseDefinitions.push({
    id: 1,
    name: 'Platform Release',
    projectIndex: 0,
    pipeline: 1,
    environments: [
      { id: 1, name: 'Dev', rank: 1 },
      { id: 2, name: 'QA', rank: 2 },
      { id: 3, name: 'Production', rank: 3 },
    ],
    createdOn,
  });
  const incidentWorkflow = { type: 'Bug', active: 'Active', resolved: 'Resolved', done: 'Closed' };
  return [
    {
      repository: 0,
      pipeline: 0,
      releaseDefinition: -1,
      pullRequestsPerDay: 3,
      people,
      incidentArea: PLATFORM_AREA,
      incidentWorkflow,
      incidentRate: 0.08,
    },
    {
      repository: 1,
      pipeline: 1,
      releaseDefinition: 0,
      pullRequestsPerDay: 1.2,
      people,
      incidentArea: PLATFORM_AREA,
      incidentWorkflow,
      incidentRate: 0.07,
    },
  ];
}
