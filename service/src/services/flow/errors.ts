/**
 * Failures of a flow request that the caller can fix, raised where the data shows them (the router
 * parses what it can without data). Routers turn them into HTTP answers.
 */
export const FLOW_REQUEST_FAILURES = {
  /** A parameter names something the team's data does not have (an area path, a type, a state). */
  invalid_parameter: 400,
  /** The team has no sprint covering the first forecast day. */
  no_current_sprint: 404,
  /** The sprint has no start or finish date, so its targets cannot be followed. */
  no_sprint_dates: 422,
  /** The team is scoped by a custom team field (Hosted XML and on-premises processes), not area paths. */
  unsupported_team_field: 422,
} as const;

export type FlowRequestFailure = keyof typeof FLOW_REQUEST_FAILURES;

export class FlowRequestError extends Error {
  constructor(
    readonly failure: FlowRequestFailure,
    message: string,
    /** The offending parameter (query parameter or body field path). */
    readonly parameter?: string,
  ) {
    super(message);
    this.name = 'FlowRequestError';
  }
}

export function invalidParameter(parameter: string, problem: string): FlowRequestError {
  return new FlowRequestError('invalid_parameter', `Parameter "${parameter}" ${problem}.`, parameter);
}
