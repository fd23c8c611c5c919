import type { RequestHandler } from 'express';

/**
 * Hub pages run in iframes served from the Marketplace CDN, a different origin from this service.
 * Only the configured origin patterns may call the API.
 */
export function allowOrigins(patterns: readonly RegExp[]): RequestHandler {
  return (request, response, next) => {
    const origin = request.get('origin');
    if (origin !== undefined && patterns.some((pattern) => pattern.test(origin))) {
      response.set('Access-Control-Allow-Origin', origin);
      response.set('Vary', 'Origin');
      response.set(
        'Access-Control-Allow-Headers',
        'Authorization, Content-Type, If-None-Match, X-Seika-User-Token, X-Seika-Organization',
      );
      response.set('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
      response.set('Access-Control-Max-Age', '600');
      // Without this, hub code cannot read the ETag to revalidate or the CSV file name.
      response.set('Access-Control-Expose-Headers', 'ETag, Content-Disposition');
    }
    if (request.method === 'OPTIONS') {
      response.status(204).end();
      return;
    }
    next();
  };
}

/** The Marketplace serves packaged extension files from these hosts. */
export const MARKETPLACE_ORIGINS: readonly RegExp[] = [
  /^https:\/\/[a-z0-9-]+\.gallerycdn\.vsassets\.io$/i,
  /^https:\/\/[a-z0-9-]+\.gallery\.vsassets\.io$/i,
];
