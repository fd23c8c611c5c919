import type { ApiError } from '../../../service/src/contract/index.ts';

/** A failed API call, carrying the server's own message when the body was an ApiError. */
export class SeikaApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly parameter: string | undefined;

  constructor(message: string, status: number, code: string, parameter?: string) {
    super(message);
    this.name = 'SeikaApiError';
    this.status = status;
    this.code = code;
    this.parameter = parameter;
  }
}

function isApiError(body: unknown): body is ApiError {
  if (typeof body !== 'object' || body === null || !('error' in body)) {
    return false;
  }
  const error: unknown = body.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'message' in error &&
    typeof error.message === 'string' &&
    'code' in error &&
    typeof error.code === 'string'
  );
}

export async function errorFromResponse(response: Response): Promise<SeikaApiError> {
  const text = await response.text();
  try {
    const body: unknown = JSON.parse(text);
    if (isApiError(body)) {
      return new SeikaApiError(body.error.message, response.status, body.error.code, body.error.parameter);
    }
  } catch {
    // Not JSON (a proxy's HTML error page, say): fall through to the status line.
  }
  const statusLine = `${response.status} ${response.statusText}`.trim();
  return new SeikaApiError(`The Seika service answered ${statusLine}.`, response.status, 'http_error');
}
