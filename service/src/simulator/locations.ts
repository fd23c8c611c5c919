/**
 * Resource locations the simulator serves, with the ids azure-devops-node-api 17 asks for
 * (see shared notes §11). The client fills `routeTemplate` and negotiates the api-version
 * from `releasedVersion`, `maxVersion` and `resourceVersion`.
 */
export interface ApiResourceLocation {
  readonly id: string;
  readonly area: string;
  readonly resourceName: string;
  readonly routeTemplate: string;
  readonly resourceVersion: number;
  readonly minVersion: string;
  readonly maxVersion: string;
  readonly releasedVersion: string;
}

const location = (
  id: string,
  area: string,
  resourceName: string,
  routeTemplate: string,
  resourceVersion: number,
  releasedVersion = '7.1',
): ApiResourceLocation => ({
  id,
  area,
  resourceName,
  routeTemplate,
  resourceVersion,
  minVersion: '1.0',
  maxVersion: '7.2',
  releasedVersion,
});

export const LOCATIONS = {
  resourceAreas: location(
    'e81700f7-3be2-46de-8624-2eb35882fcaa',
    'Location',
    'ResourceAreas',
    '_apis/{resource}/{areaId}',
    1,
    '0.0',
  ),
  connectionData: location(
    '00d9565f-ed9c-4a06-9a50-00e7896ccab4',
    'Location',
    'ConnectionData',
    '_apis/{resource}',
    1,
    '0.0',
  ),
  projects: location(
    '603fe2ac-9723-48b9-88ad-09305aa6c6e1',
    'core',
    'projects',
    '_apis/{resource}/{*projectId}',
    4,
  ),
  teams: location(
    'd30a3dd1-f8ba-442a-b86a-bd0c0c383e59',
    'core',
    'teams',
    '_apis/projects/{projectId}/{resource}/{*teamId}',
    3,
  ),
  reportingRevisions: location(
    'f828fe59-dd87-495d-a17c-7a8d6211ca6c',
    'wit',
    'workItemRevisions',
    '{project}/_apis/{area}/reporting/{resource}',
    2,
  ),
  workItemTypeStates: location(
    '7c9d7a76-4a09-43e8-b5df-bd792f4ac6aa',
    'wit',
    'states',
    '{project}/_apis/{area}/workitemtypes/{type}/{resource}',
    1,
  ),
  workItemTypes: location(
    '7c8d7a76-4a09-43e8-b5df-bd792f4ac6aa',
    'wit',
    'workItemTypes',
    '{project}/_apis/{area}/{resource}/{type}',
    2,
  ),
  teamSettings: location(
    'c3c1012b-bea7-49d7-b45e-1664e566f84c',
    'work',
    'teamsettings',
    '{project}/{team}/_apis/{area}/{resource}',
    1,
  ),
  teamFieldValues: location(
    '07ced576-58ed-49e6-9c1e-5cb53ab8bf2a',
    'work',
    'teamfieldvalues',
    '{project}/{team}/_apis/{area}/teamsettings/{resource}',
    1,
  ),
  teamIterations: location(
    'c9175577-28a1-4b06-9197-8636af9f64ad',
    'work',
    'iterations',
    '{project}/{team}/_apis/{area}/teamsettings/{resource}/{id}',
    1,
  ),
  backlogConfiguration: location(
    '7799f497-3cb5-4f16-ad4f-5cd06012db64',
    'work',
    'backlogconfiguration',
    '{project}/{team}/_apis/{area}/{resource}',
    1,
  ),
  processConfiguration: location(
    'f901ba42-86d2-4b0c-89c1-3f86d06daa84',
    'work',
    'processconfiguration',
    '{project}/_apis/{area}/{resource}',
    1,
  ),
} as const satisfies Record<string, ApiResourceLocation>;

export type LocationKey = keyof typeof LOCATIONS;

/** OPTIONS {org}/_apis/{area}: the locations of one area (area names are case-insensitive). */
export function locationsForArea(area: string): ApiResourceLocation[] {
  return Object.values(LOCATIONS).filter((candidate) => candidate.area.toLowerCase() === area.toLowerCase());
}

/**
 * Resource areas the WebApi factories look up before creating a client. On Azure DevOps Services each
 * maps to a host (Release to vsrm.dev.azure.com); the simulator serves every area itself.
 */
const RESOURCE_AREAS: readonly (readonly [string, string])[] = [
  ['79134c72-4a58-4b42-976c-04e7115f32bf', 'core'],
  ['5264459e-e5e0-4bd8-b118-0985e68a4ec5', 'wit'],
  ['1d4f49f9-02b9-4e26-b826-2cdb6195f2a9', 'work'],
  ['965220d5-5bb9-42cf-8d67-9b146df2a5a4', 'build'],
  ['4e080c62-fa21-4fbc-8fef-2a10a2b38049', 'git'],
  ['a85b8835-c1a1-4aac-ae97-1c3d0ba72dbd', 'distributedtask'],
  ['efc2f575-36ef-48e9-b672-0c6fb4a48ac5', 'Release'],
];

export function resourceAreas(organizationUrl: string): { id: string; name: string; locationUrl: string }[] {
  return RESOURCE_AREAS.map(([id, name]) => ({ id, name, locationUrl: `${organizationUrl}/` }));
}
