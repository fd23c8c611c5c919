/**
 * Request parsing for the flow API: the team path, then the query (GET) or JSON body (POST) against the
 * endpoint's contract schema. Unknown parameters are refused by name, so a typo never passes silently.
 */
import type { Request } from 'express';
import type { z } from 'zod';
import type { TeamPath } from '../contract/index.ts';
import { teamPathSchema } from '../contract/index.ts';
import { FLOW_REQUEST_FAILURES, FlowRequestError } from '../services/flow/errors.ts';
import { HttpError, invalidInput } from './httpErrors.ts';

export type ParameterSource = 'query' | 'body';
const LABEL: Record<ParameterSource, string> = { query: 'Query parameter', body: 'Body field' };

export function parseTeamPath(params: unknown): TeamPath {
  const path = teamPathSchema.safeParse(params);
  if (!path.success) throw invalidInput(path.error, 'path');
  return path.data;
}

/** A query names its parameter (lists included); a body names the field path, e.g. startPoint.states.0. */
export function invalidParameters(error: z.ZodError, source: ParameterSource): HttpError {
  const issue = error.issues[0];
  const path = issue?.path.map(String) ?? [];
  const parameter = (source === 'query' ? path.slice(0, 1) : path).join('.');
  const missing = issue?.code === 'invalid_type' && issue.message.includes('undefined');
  const problem = missing ? 'is required' : (issue?.message ?? 'is invalid');
  const subject =
    parameter === '' ? (source === 'query' ? 'The query' : 'The body') : `${LABEL[source]} "${parameter}"`;
  return new HttpError(400, 'invalid_parameter', `${subject} ${problem}.`, parameter || undefined);
}

export function parseParameters<Schema extends z.ZodObject>(
  schema: Schema,
  raw: unknown,
  source: ParameterSource,
): z.output<Schema> {
  const value = raw ?? (source === 'query' ? {} : undefined);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(
      400,
      'invalid_json',
      'Send the parameters as a JSON object with "Content-Type: application/json".',
    );
  }
  const known = Object.keys(schema.shape);
  const unknown = Object.keys(value).find((key) => !known.includes(key));
  if (unknown !== undefined) {
    throw new HttpError(
      400,
      'invalid_parameter',
      `${LABEL[source]} "${unknown}" is not known here; use ${known.map((key) => `"${key}"`).join(', ')}.`,
      unknown,
    );
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidParameters(parsed.error, source);
  return parsed.data;
}

/** A string field of parsed parameters (`format`, `timeZone`), or undefined when absent. */
export function textField(query: unknown, key: string): string | undefined {
  const value: unknown = typeof query === 'object' && query !== null ? Reflect.get(query, key) : undefined;
  return typeof value === 'string' ? value : undefined;
}

export type ResponseFormat = 'json' | 'csv';

/** `format` wins; else Accept decides between JSON (also for * / *) and CSV where CSV is offered. */
export function responseFormat(request: Request, requested: unknown, csvOffered: boolean): ResponseFormat {
  if (requested === 'csv' || requested === 'json') return requested;
  if (!csvOffered) return 'json';
  return request.accepts(['application/json', 'text/csv']) === 'text/csv' ? 'csv' : 'json';
}

/** Failures the service found in the data (an area path outside the team, no current sprint) as HTTP. */
export async function asHttp<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof FlowRequestError) {
      throw new HttpError(
        FLOW_REQUEST_FAILURES[error.failure],
        error.failure,
        error.message,
        error.parameter,
      );
    }
    throw error;
  }
}
