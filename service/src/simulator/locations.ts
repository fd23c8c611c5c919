/**
 * Resource locations the simulator serves, with the ids azure-devops-node-api 17 asks for
 * (see shared notes §11). The client fills `routeTemplate` and negotiates the api-version
 * from `releasedVersion`, `maxVersion` and `resourceVersion`.
 */
import type { ApiResourceLocation } from './locations/location.ts';
import { location } from './locations/location.ts';
import { WORK_TRACKING_LOCATIONS } from './locations/workTracking.ts';
import { DELIVERY_LOCATIONS } from './locations/delivery.ts';

export type { ApiResourceLocation } from './locations/location.ts';

export const LOCATIONS = { ...WORK_TRACKING_LOCATIONS, ...DELIVERY_LOCATIONS } as const;

/**
 * Resources served without discovery (no azure-devops-node-api client calls them): versions are
 * still checked, but OPTIONS does not list them because their location ids are not known here.
 */
export const UNLISTED_LOCATIONS = {
  hooksSubscriptions: location('', 'hooks', 'subscriptions', '_apis/{area}/{resource}/{subscriptionId}', 1),
  hooksPublishers: location('', 'hooks', 'publishers', '_apis/{area}/{resource}/{publisherId}', 1),
  permissions: location(
    'dd3b8bd6-c7fc-4cbd-929a-933d9c011c9d',
    'Security',
    'Permissions',
    '_apis/{resource}/{securityNamespaceId}/{permissions}/{token}',
    2,
  ),
} as const satisfies Record<string, ApiResourceLocation>;

export type LocationKey = keyof typeof LOCATIONS | keyof typeof UNLISTED_LOCATIONS;

export function locationOf(key: LocationKey): ApiResourceLocation {
  return key in LOCATIONS
    ? LOCATIONS[key as keyof typeof LOCATIONS]
    : UNLISTED_LOCATIONS[key as keyof typeof UNLISTED_LOCATIONS];
}

/**
 * OPTIONS {host}/_apis/{area}: the locations of one area (area names are case-insensitive). The
 * Release area is only on the release host, as vsrm.dev.azure.com is the only host serving it.
 */
export function locationsForArea(area: string, host: 'main' | 'release'): ApiResourceLocation[] {
  const wanted = area.toLowerCase();
  const isRelease = wanted === 'release';
  if (isRelease !== (host === 'release')) return [];
  return Object.values(LOCATIONS).filter((candidate) => candidate.area.toLowerCase() === wanted);
}

/**
 * Resource areas the WebApi factories look up before creating a client. On Azure DevOps Services each
 * maps to a host (Release to vsrm.dev.azure.com); the simulator maps Release to its /vsrm path.
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

export function resourceAreas(
  organizationUrl: string,
  releaseUrl: string,
): { id: string; name: string; locationUrl: string }[] {
  return RESOURCE_AREAS.map(([id, name]) => ({
    id,
    name,
    locationUrl: `${name === 'Release' ? releaseUrl : organizationUrl}/`,
  }));
}
