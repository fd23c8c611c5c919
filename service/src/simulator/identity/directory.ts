import { randomBytes } from 'node:crypto';

/** A project role as Azure DevOps' default groups grant it (Readers, Contributors, Project Administrators). */
export type ProjectRole = 'reader' | 'contributor' | 'administrator';

export interface SimulatedUser {
  readonly id: string;
  readonly displayName: string;
  readonly uniqueName: string;
}

/** What one user is in one organization. A project absent from `projects` is invisible to the user. */
export interface OrganizationMembership {
  readonly collectionAdministrator: boolean;
  /** Project id → role. */
  readonly projects: ReadonlyMap<string, ProjectRole>;
  /** Ids of the teams the user administers. */
  readonly teamAdministrator: ReadonlySet<string>;
}

export interface MembershipSpec {
  collectionAdministrator?: boolean;
  /** Project id → role. */
  projects?: Readonly<Record<string, ProjectRole>>;
  teamAdministrator?: readonly string[];
}

/** `access`: what SDK.getAccessToken() gives a hub; `pat`: a personal access token. */
export type TokenKind = 'access' | 'pat';

/** What a token proves: a user, in one organization, with scopes. */
export interface TokenGrant {
  readonly userId: string;
  readonly kind: TokenKind;
  /** Lower-case name of the one organization the token is valid in. */
  readonly organization: string;
  /** 'full': every scope (a full-access PAT, or the session of the web UI). */
  readonly scopes: 'full' | readonly string[];
  /** Wall-clock expiry in epoch ms; undefined: until revoked. */
  readonly expiresAt: number | undefined;
}

export interface IssueTokenOptions {
  userId: string;
  organization: string;
  kind: TokenKind;
  scopes?: 'full' | readonly string[];
  /** Default: 1 hour for access tokens, no expiry for PATs. */
  lifetimeMs?: number;
}

const HOUR = 3_600_000;
const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Users, their memberships and their tokens across every organization of one simulator. Access tokens
 * are JWT-shaped like the real ones (the service reads `exp` only to bound its cache), PATs are opaque.
 */
export class IdentityDirectory {
  private readonly users = new Map<string, SimulatedUser>();
  private readonly memberships = new Map<string, OrganizationMembership>();
  private readonly tokens = new Map<string, TokenGrant>();

  addUser(user: SimulatedUser): SimulatedUser {
    this.users.set(user.id, user);
    return user;
  }

  user(id: string): SimulatedUser | undefined {
    return this.users.get(id);
  }

  /** Makes the user a member of the organization (replacing an earlier membership there). */
  join(organization: string, userId: string, spec: MembershipSpec = {}): void {
    if (!this.users.has(userId)) throw new Error(`No simulated user ${userId}`);
    this.memberships.set(membershipKey(organization, userId), {
      collectionAdministrator: spec.collectionAdministrator ?? false,
      projects: new Map(Object.entries(spec.projects ?? {})),
      teamAdministrator: new Set(spec.teamAdministrator ?? []),
    });
  }

  leave(organization: string, userId: string): void {
    this.memberships.delete(membershipKey(organization, userId));
  }

  membership(organization: string, userId: string): OrganizationMembership | undefined {
    return this.memberships.get(membershipKey(organization, userId));
  }

  issueToken(options: IssueTokenOptions): string {
    const lifetime = options.lifetimeMs ?? (options.kind === 'access' ? HOUR : undefined);
    const expiresAt = lifetime === undefined ? undefined : Date.now() + lifetime;
    const token =
      options.kind === 'access'
        ? [
            base64url({ typ: 'JWT', alg: 'RS256' }),
            base64url({
              nameid: options.userId,
              jti: randomBytes(8).toString('hex'),
              ...(expiresAt === undefined ? {} : { exp: Math.floor(expiresAt / 1000) }),
            }),
            randomBytes(32).toString('base64url'),
          ].join('.')
        : randomBytes(39).toString('base64url').slice(0, 52);
    this.registerToken(token, {
      userId: options.userId,
      kind: options.kind,
      organization: options.organization,
      scopes: options.scopes ?? 'full',
      expiresAt,
    });
    return token;
  }

  /** Adds a token with a known value (the generated organization's PAT, the preview's access token). */
  registerToken(token: string, grant: TokenGrant): void {
    if (!this.users.has(grant.userId)) throw new Error(`No simulated user ${grant.userId}`);
    this.tokens.set(token, { ...grant, organization: grant.organization.toLowerCase() });
  }

  revokeToken(token: string): void {
    this.tokens.delete(token);
  }

  /** The grant of a live token; undefined when unknown, revoked or expired. */
  resolve(token: string, now = Date.now()): TokenGrant | undefined {
    const grant = this.tokens.get(token);
    if (grant === undefined) return undefined;
    if (grant.expiresAt !== undefined && grant.expiresAt <= now) return undefined;
    return grant;
  }
}

function membershipKey(organization: string, userId: string): string {
  return `${organization.toLowerCase()}\u0000${userId}`;
}
