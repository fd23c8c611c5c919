/** A connected Azure DevOps organization as the service knows it. Credentials never leave the sync. */
export interface ConnectedOrganization {
  /** Azure DevOps organization name, lower case: the key every row is scoped by. */
  name: string;
  url: string;
  timeZone: string;
}

export interface OrganizationDirectory {
  find(name: string): ConnectedOrganization | undefined;
  list(): readonly ConnectedOrganization[];
}

export function staticOrganizationDirectory(organizations: readonly ConnectedOrganization[]): OrganizationDirectory {
  const byName = new Map(organizations.map((organization) => [organization.name.toLowerCase(), organization]));
  return {
    find: (name) => byName.get(name.toLowerCase()),
    list: () => organizations,
  };
}

/** dev.azure.com/{org} and {org}.visualstudio.com both name the organization; so does a simulator URL. */
export function organizationNameFromUrl(url: string): string {
  const parsed = new URL(url);
  const legacyHost = parsed.hostname.match(/^([^.]+)\.visualstudio\.com$/i);
  if (legacyHost?.[1] !== undefined) return legacyHost[1].toLowerCase();
  const firstSegment = parsed.pathname.split('/').find((segment) => segment.length > 0);
  if (firstSegment === undefined) throw new Error(`Cannot tell the organization from ${url}`);
  return decodeURIComponent(firstSegment).toLowerCase();
}
