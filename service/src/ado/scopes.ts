/**
 * Personal-access-token scopes Seika's streams need. Azure DevOps checks a PAT's scopes per API area and
 * answers 401 on an area the PAT has no scope for, while the PAT itself still works elsewhere.
 */
export const ADO_SCOPES = [
  'vso.work',
  'vso.project',
  'vso.build',
  'vso.code',
  'vso.release',
  'vso.environment_manage',
] as const;
export type AdoScope = (typeof ADO_SCOPES)[number];

/** The names the PAT dialog of Azure DevOps shows for each scope. */
export const SCOPE_LABELS: Record<AdoScope, string> = {
  'vso.work': 'Work Items (Read)',
  'vso.project': 'Project and Team (Read)',
  'vso.build': 'Build (Read)',
  'vso.code': 'Code (Read)',
  'vso.release': 'Release (Read)',
  'vso.environment_manage': 'Environment (Read & manage)',
};

export function isAdoScope(value: string): value is AdoScope {
  return (ADO_SCOPES as readonly string[]).includes(value);
}

/**
 * An area refused this PAT (401/403) although Azure DevOps accepted the PAT itself: the PAT lacks the
 * area's scope. `scope` is the one Azure DevOps named in its answer, when it named a known one.
 */
export class AdoAccessDeniedError extends Error {
  constructor(
    readonly status: number,
    readonly operation: string,
    readonly serviceMessage: string,
    readonly scope: AdoScope | undefined,
  ) {
    super(`Azure DevOps refused ${operation} (${status}): ${serviceMessage}`);
    this.name = 'AdoAccessDeniedError';
  }
}

/** The first known scope named in a service message (`… lacks the required scope vso.build …`). */
export function scopeNamedIn(message: string): AdoScope | undefined {
  const named = message.match(/\bvso\.[a-z_]+\b/gi) ?? [];
  return named.map((scope) => scope.toLowerCase()).find(isAdoScope);
}

/** The `message` of a VssServiceException JSON body, or the text itself when it is not one. */
export function serviceMessageOf(bodyText: string): string {
  try {
    const parsed: unknown = JSON.parse(bodyText);
    const message: unknown =
      typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'message') : undefined;
    if (typeof message === 'string') return message;
  } catch {
    // Not JSON: the text is the message.
  }
  return bodyText.slice(0, 300);
}
