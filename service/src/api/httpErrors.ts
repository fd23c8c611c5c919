import type { ErrorRequestHandler } from 'express';
import type { z } from 'zod';
import type { ApiError } from '../contract/index.ts';
import type { Logger } from '../logger.ts';
import { ForbiddenError, NotFoundError } from '../services/errors.ts';

/** An error with a status and a message a person can act on; `parameter` names the bad input. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Turns the first schema issue into a 400 that names the parameter and what is wrong with it. */
export function invalidInput(error: z.ZodError, source: 'path' | 'query' | 'body'): HttpError {
  const issue = error.issues[0];
  const parameter = issue?.path.map(String).join('.') ?? '';
  const missing = issue?.code === 'invalid_type' && issue.message.includes('undefined');
  const problem = missing ? 'is required' : (issue?.message ?? 'is invalid');
  const label = { path: 'Path segment', query: 'Query parameter', body: 'Body field' }[source];
  return new HttpError(
    400,
    'invalid_parameter',
    `${label} "${parameter}" ${problem}.`,
    parameter || undefined,
  );
}

export function errorBody(error: HttpError): ApiError {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.parameter === undefined ? {} : { parameter: error.parameter }),
    },
  };
}

/** Last middleware: every failure leaves as JSON; unexpected ones are logged and never leak internals. */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, next) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    if (error instanceof HttpError) {
      response.status(error.status).json(errorBody(error));
      return;
    }
    if (error instanceof NotFoundError) {
      response.status(404).json(errorBody(new HttpError(404, 'not_found', error.message)));
      return;
    }
    if (error instanceof ForbiddenError) {
      response.status(403).json(errorBody(new HttpError(403, 'forbidden', error.message)));
      return;
    }
    if (isBodyParseError(error)) {
      response
        .status(400)
        .json(errorBody(new HttpError(400, 'invalid_json', 'The request body is not valid JSON.')));
      return;
    }
    const clientStatus = clientErrorStatus(error);
    if (clientStatus !== undefined) {
      const message =
        clientStatus === 404 ? `Nothing at ${request.originalUrl}.` : 'The request was refused.';
      response
        .status(clientStatus)
        .json(
          errorBody(new HttpError(clientStatus, clientStatus === 404 ? 'not_found' : 'bad_request', message)),
        );
      return;
    }
    logger.error('request failed', {
      method: request.method,
      path: request.path,
      error: error instanceof Error ? error.message : String(error),
    });
    response
      .status(500)
      .json(
        errorBody(new HttpError(500, 'internal_error', 'The service failed to answer; the error is logged.')),
      );
  };
}

/** Errors raised by express and its middleware (static files, body limits) carry a 4xx status. */
function clientErrorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status: unknown = Reflect.get(error, 'status');
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function isBodyParseError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && Reflect.get(error, 'type') === 'entity.parse.failed';
}
