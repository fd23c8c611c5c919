import { derivedGuid } from '../../model/ids.ts';
import type { OrganizationModel, ProjectModel } from '../../model/organization.ts';
import type { IncidentWorkflow, RepositoryProfile } from '../../delivery/context.ts';
import { YAML_STAGES } from '../../delivery/legacyLayout.ts';
import type { TeamContext } from '../../engine/teams.ts';
import { processTypes } from '../../engine/teams.ts';

const DAY = 86_400_000;

export function incidentWorkflow(project: ProjectModel): IncidentWorkflow {
  const { requirement, bug } = processTypes(project.process);
  const type = bug ?? requirement;
  const state = (category: string) => type.states.find((candidate) => candidate.category === category)?.name;
  return {
    type: type.name,
    active: state('InProgress') ?? 'Active',
    resolved: state('Resolved'),
    done: state('Completed') ?? 'Closed',
  };
}

const slug = (name: string): string =>
  name
    .toLowerCase()
    .replace(/ team$/, '')
    .replace(/[^a-z0-9]+/g, '-');

/**
 * Two repositories per team (a service and an app). Most deploy themselves with YAML stages to their
 * project's dev, staging and production environments; every fifth is built by CI and shipped by a
 * classic release definition. `pullRequestsPerDay` sets the pace (about 200,000 builds over two years).
 */
export function largeDeliveryLayout(
  seed: number,
  model: OrganizationModel,
  teams: readonly TeamContext[],
  start: number,
  pullRequestsPerDay: number,
): RepositoryProfile[] {
  const { delivery } = model;
  const createdOn = start - 60 * DAY;
  const environmentsOf = new Map<number, number>();
  for (const project of model.projects) {
    environmentsOf.set(project.index, delivery.environments.length);
    for (const name of ['dev', 'staging', 'production'])
      delivery.environments.push({
        id: delivery.environments.length + 1,
        name,
        projectIndex: project.index,
        description: `${name} environment of ${project.name}`,
        createdOn,
        createdBy: 0,
      });
  }
  const profiles: RepositoryProfile[] = [];
  for (const team of teams) {
    for (const kind of ['service', 'app']) {
      const index = delivery.repositories.length;
      const name = `${slug(team.team.name)}-${kind}`;
      delivery.repositories.push({
        index,
        id: derivedGuid(seed, `repository:${name}`),
        name,
        projectIndex: team.project.index,
        teamIndex: team.project.teams.indexOf(team.team),
        main: [],
        branch: [],
      });
      const classic = index % 5 === 4;
      const environments = environmentsOf.get(team.project.index) ?? 0;
      const releaseDefinition = classic ? delivery.releaseDefinitions.length : -1;
      const pipeline = delivery.pipelines.length;
      delivery.pipelines.push({
        id: pipeline + 1,
        name: classic ? `${name}-ci` : name,
        projectIndex: team.project.index,
        repository: index,
        folder: `\\${slug(team.team.name)}`,
        yamlFilename: 'azure-pipelines.yml',
        stages: classic
          ? [{ name: 'Build', displayName: 'Build', environment: -1 }]
          : YAML_STAGES(environments, environments + 1, environments + 2),
        createdDate: createdOn,
        releaseDefinition,
      });
      if (classic) {
        const base = delivery.releaseDefinitions.length * 3;
        delivery.releaseDefinitions.push({
          id: delivery.releaseDefinitions.length + 1,
          name: `${team.team.name} ${kind} release`,
          projectIndex: team.project.index,
          pipeline,
          environments: [
            { id: base + 1, name: 'Dev', rank: 1 },
            { id: base + 2, name: 'QA', rank: 2 },
            { id: base + 3, name: 'Production', rank: 3 },
          ],
          createdOn,
        });
      }
      profiles.push({
        repository: index,
        pipeline,
        releaseDefinition,
        pullRequestsPerDay,
        people: team.people,
        incidentArea: team.team.areaPath,
        incidentWorkflow: incidentWorkflow(team.project),
        incidentRate: 0.08,
      });
    }
  }
  return profiles;
}
