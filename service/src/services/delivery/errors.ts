/**
 * Failures of a delivery request that the caller can fix, raised where the data or the settings show them.
 * Routers turn them into HTTP answers.
 */
export const DELIVERY_REQUEST_FAILURES = {
  /** A parameter names something the project's data does not have (a team, for example). */
  invalid_parameter: 400,
  /** The team exists but the project's delivery settings map no pipeline or no repository to it. */
  team_not_mapped: 409,
} as const;

export type DeliveryRequestFailure = keyof typeof DELIVERY_REQUEST_FAILURES;

export class DeliveryRequestError extends Error {
  constructor(
    readonly failure: DeliveryRequestFailure,
    message: string,
    /** The offending parameter (path segment, query parameter or body field path). */
    readonly parameter?: string,
  ) {
    super(message);
    this.name = 'DeliveryRequestError';
  }
}

/** What a team's mapping lacks: `pipelines` (no build or release definition) and/or `repositories`. */
export type MissingMapping = 'pipelines' | 'repositories';

export function teamNotMapped(
  project: string,
  team: string,
  missing: readonly MissingMapping[],
): DeliveryRequestError {
  const what = missing.map((part) =>
    part === 'pipelines' ? 'pipelines (build or release definition ids)' : 'repositories',
  );
  const lead =
    missing.length === 2
      ? `Team "${team}" has no delivery mapping in project "${project}"`
      : `Team "${team}" has no ${what.join('')} mapped in project "${project}"`;
  return new DeliveryRequestError(
    'team_not_mapped',
    `${lead}: map its ${what.join(' and ')} under "teams" in PUT .../projects/${project}/delivery/settings ` +
      'to see per-team figures.',
    'team',
  );
}
