import type { IncomingMessage } from 'node:http';
import { errors } from './errors.ts';
import type { ApiResourceLocation } from './locations.ts';

const VERSION_FORM = /^(\d+\.\d+)(-preview(\.\d+)?)?$/;

/** The api-version from the query string or, as azure-devops-node-api sends it, the Accept header. */
export function requestedApiVersion(request: IncomingMessage, query: URLSearchParams): string | undefined {
  const fromQuery = query.get('api-version');
  if (fromQuery !== null) return fromQuery;
  const accept = request.headers.accept ?? '';
  const match = /api-version=([^;,\s]+)/i.exec(accept);
  return match?.[1];
}

/**
 * Validates the api-version against one resource location the way the service does: malformed → 400,
 * newer than the service → 400, above the released version without `-preview` → 400.
 * GET requests without a version are served at the latest version, other methods need one.
 */
export function checkApiVersion(
  version: string | undefined,
  method: string,
  location: ApiResourceLocation,
): void {
  if (version === undefined) {
    if (method !== 'GET') throw errors.versionNotSpecified(method);
    return;
  }
  const match = VERSION_FORM.exec(version);
  const number = match?.[1];
  if (!match || number === undefined) throw errors.invalidApiVersion(version);
  if (Number(number) > Number(location.maxVersion))
    throw errors.versionOutOfRange(version, location.maxVersion);
  const isPreview = match[2] !== undefined;
  if (!isPreview && Number(number) > Number(location.releasedVersion)) throw errors.previewRequired(version);
}
