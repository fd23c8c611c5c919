import { createHash } from 'node:crypto';
import type { ConnectedOrganization, OrganizationDirectory } from '../organizationDirectory.ts';
import type { AzureDevOpsAccessPort, ConnectionIdentity, Credential } from './azureDevOps.ts';
import { AzureDevOpsAccessError } from './azureDevOps.ts';
import { createRoleChecker } from './roleChecks.ts';
import { AccessDeniedError, denialFor } from './errors.ts';
import type { OrganizationAddress } from './organizationUrl.ts';
import { requirementKey, type Requirement } from './requirements.ts';
import { TtlCache } from './ttlCache.ts';

/** Who is calling, verified: an Azure DevOps user of the organization the request is about. */
export interface Caller {
  userId: string;
  displayName: string;
  organization: ConnectedOrganization;
}

export interface AuthorizeRequest {
  /** The user the (verified) app token names; undefined when it names none. */
  appUserId: string | undefined;
  /** The user's Azure DevOps access token (SDK.getAccessToken()). */
  userToken: string;
  /** The organization the request is about (its name, as in the path). */
  organization: string;
  requirement: Requirement;
}

export interface AccessService {
  authorize(request: AuthorizeRequest): Promise<Caller>;
  /** Connecting: the caller must be a Project Collection Administrator of the organization at `address`. */
  authorizeAdministratorAt(request: {
    appUserId: string | undefined;
    userToken: string;
    address: OrganizationAddress;
  }): Promise<ConnectionIdentity>;
  /** Whether `authorize` would pass; a role refusal is false, anything else (401, 503) still throws. */
  can(request: AuthorizeRequest): Promise<boolean>;
  /** Forgets what was cached about an organization (after disconnecting it). */
  forget(organization: string): void;
}

export interface AccessTimings {
  /** Longest a verified binding of a token to an organization is kept (never past the token's expiry). */
  bindingMs: number;
  /** How long a role answer is kept. */
  roleMs: number;
  /** How long a refusal is kept, so a refused token cannot make Seika call Azure DevOps at will. */
  refusalMs: number;
}

export const DEFAULT_ACCESS_TIMINGS: AccessTimings = {
  bindingMs: 15 * 60_000,
  roleMs: 5 * 60_000,
  refusalMs: 30_000,
};

type Outcome<T> = { ok: true; value: T } | { ok: false; error: AccessDeniedError };

const tokenKey = (token: string): string => createHash('sha256').update(token).digest('base64url');

/** The token's own `exp` (a JWT's), read only to bound the cache; undefined when it has none. */
function tokenExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const exp: unknown = Reflect.get(
      JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) ?? {},
      'exp',
    );
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Binds each request to its organization and checks its role. The binding (connectionData with the
 * user's token: same user as the app token, same instance id as the connected organization) is cached
 * per token for at most its lifetime; role answers (the Security permissions API, with the user's
 * token) for minutes; refusals briefly.
 */
export function createAccessService(dependencies: {
  directory: OrganizationDirectory;
  azureDevOps: AzureDevOpsAccessPort;
  timings?: Partial<AccessTimings>;
  now?: () => number;
}): AccessService {
  const { directory, azureDevOps } = dependencies;
  const now = dependencies.now ?? Date.now;
  const timings = { ...DEFAULT_ACCESS_TIMINGS, ...dependencies.timings };
  const bindings = new TtlCache<Outcome<ConnectionIdentity>>(20_000, now);
  const roles = new TtlCache<Outcome<true>>(50_000, now);

  async function remember<T>(
    cache: TtlCache<Outcome<T>>,
    key: string,
    ttlMs: number,
    work: () => Promise<T>,
  ): Promise<T> {
    const cached = cache.get(key);
    if (cached !== undefined) {
      if (cached.ok) return cached.value;
      throw cached.error;
    }
    try {
      const value = await work();
      cache.set(key, { ok: true, value }, ttlMs);
      return value;
    } catch (error) {
      if (error instanceof AccessDeniedError && error.status !== 503)
        cache.set(key, { ok: false, error }, timings.refusalMs);
      throw error;
    }
  }

  function sameUser(appUserId: string | undefined, identity: ConnectionIdentity): void {
    // The safe side of an undocumented claim: a token naming no user, or another one, is refused.
    if (appUserId === undefined || appUserId.toLowerCase() !== identity.userId)
      throw new AccessDeniedError(
        403,
        'user_mismatch',
        'The Azure DevOps access token belongs to another user than the app token.',
      );
  }

  async function verify(
    organization: ConnectedOrganization,
    credential: Credential,
  ): Promise<ConnectionIdentity> {
    const { instanceId } = organization;
    if (instanceId === null)
      throw new AccessDeniedError(
        403,
        'organization_needs_reconnect',
        `Organization "${organization.name}" was connected before Seika checked identities; an administrator must connect it again.`,
      );
    const expiry = tokenExpiry(credential.token);
    const ttl = Math.min(timings.bindingMs, expiry === undefined ? timings.refusalMs : expiry - now());
    const key = `${organization.name}\u0000${instanceId}\u0000${tokenKey(credential.token)}`;
    return remember(bindings, key, ttl, async () => {
      const identity = await azureDevOps
        .connectionData(organization.url, credential)
        .catch((error: unknown) => Promise.reject(denialFor(error, organization.name)));
      if (identity.instanceId !== instanceId)
        throw new AccessDeniedError(
          403,
          'organization_instance_mismatch',
          `Your token belongs to another organization than "${organization.name}".`,
        );
      return identity;
    });
  }

  const checkRole = createRoleChecker(azureDevOps);

  const service: AccessService = {
    async authorize(request) {
      const organization = await directory.find(request.organization);
      if (organization === undefined)
        throw new AccessDeniedError(
          404,
          'organization_not_connected',
          `Organization "${request.organization}" is not connected to Seika.`,
        );
      const credential: Credential = { token: request.userToken, kind: 'bearer' };
      const key = `${organization.name}\u0000${organization.instanceId ?? ''}\u0000${tokenKey(request.userToken)}\u0000${requirementKey(request.requirement)}`;
      // Asked together to save round trips; nothing is granted unless both pass, the binding's refusal first.
      const [binding, role] = await Promise.allSettled([
        verify(organization, credential),
        remember(roles, key, timings.roleMs, () => checkRole(organization, credential, request.requirement)),
      ]);
      if (binding.status === 'rejected') throw binding.reason;
      const identity = binding.value;
      sameUser(request.appUserId, identity);
      if (role.status === 'rejected') throw role.reason;
      return { userId: identity.userId, displayName: identity.displayName, organization };
    },

    async authorizeAdministratorAt({ appUserId, userToken, address }) {
      const credential: Credential = { token: userToken, kind: 'bearer' };
      // Unreachable or not Azure DevOps: the caller's URL is wrong (422 from the layer), not Azure DevOps down.
      const identity = await azureDevOps
        .connectionData(address.url, credential)
        .catch((error: unknown) =>
          Promise.reject(
            error instanceof AzureDevOpsAccessError &&
              (error.problem === 'unreachable' || error.problem === 'not_azure_devops')
              ? error
              : denialFor(error, address.name),
          ),
        );
      sameUser(appUserId, identity);
      const target: ConnectedOrganization = { ...address, timeZone: 'UTC', instanceId: identity.instanceId };
      await checkRole(target, credential, { role: 'collectionAdministrator' });
      return identity;
    },

    async can(request) {
      try {
        await service.authorize(request);
        return true;
      } catch (error) {
        if (error instanceof AccessDeniedError && error.status === 403) return false;
        throw error;
      }
    },

    forget(organization) {
      const prefix = `${organization.toLowerCase()}\u0000`;
      bindings.deletePrefix(prefix);
      roles.deletePrefix(prefix);
    },
  };
  return service;
}
