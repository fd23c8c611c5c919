/** One resource location as `OPTIONS {org}/_apis/{area}` lists it. */
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

/** A location served at versions 1.0 to 7.2 (released at 7.1 unless told). */
export const location = (
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
