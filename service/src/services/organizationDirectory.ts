import type { OrganizationStore } from '../storage/tenants.ts';

/** A connected Azure DevOps organization as the API sees it. Credentials never leave the sync. */
export interface ConnectedOrganization {
  /** Azure DevOps organization name, lower case: the key every row is scoped by. */
  name: string;
  url: string;
  timeZone: string;
  /** The organization's instance id (connectionData); null for one connected before Seika recorded it. */
  instanceId: string | null;
}

export interface OrganizationDirectory {
  find(name: string): Promise<ConnectedOrganization | undefined>;
}

export function staticOrganizationDirectory(
  organizations: readonly (Omit<ConnectedOrganization, 'instanceId'> & { instanceId?: string | null })[],
): OrganizationDirectory {
  const byName = new Map(
    organizations.map((organization) => [
      organization.name.toLowerCase(),
      { ...organization, instanceId: organization.instanceId ?? null },
    ]),
  );
  return { find: async (name) => byName.get(name.toLowerCase()) };
}

/** The organizations connected through the admin API. */
export function storedOrganizationDirectory(store: OrganizationStore): OrganizationDirectory {
  return {
    async find(name) {
      const found = (await store.list()).find((organization) => organization.name === name.toLowerCase());
      return found === undefined
        ? undefined
        : { name: found.name, url: found.url, timeZone: found.timeZone, instanceId: found.instanceId };
    },
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
