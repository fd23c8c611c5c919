/** Conditional GETs for flow answers: the ETag goes on the 304 and on the answer, never on an error. */
import type { Request, Response } from 'express';
import { entityTag, ifNoneMatchMatches } from './etag.ts';

/**
 * Sets the caching headers and answers 304 when the client's copy is current (`fresh`). Otherwise the
 * caller computes the answer and sets `etag` on it just before sending, so a failure never carries one.
 */
export function conditionalGet(
  request: Request,
  response: Response,
  parts: readonly string[],
): { fresh: boolean; etag: string } {
  const etag = entityTag(parts);
  response.set('Cache-Control', 'private, no-cache');
  response.vary('Accept');
  if (!ifNoneMatchMatches(request.get('if-none-match'), etag)) return { fresh: false, etag };
  response.set('ETag', etag);
  response.status(304).end();
  return { fresh: true, etag };
}
