/**
 * Compresses API answers (JSON and CSV) with brotli or gzip, whichever the client prefers, through Node's
 * zlib (see the README's design notes for why not the `compression` package). Answers are sent whole
 * through `response.send` (also behind `response.json`), so the middleware wraps `send`: the body is
 * compressed off the event loop in zlib's thread pool and sent with Content-Encoding and its length.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type ContentCoding = 'br' | 'gzip';

/** Below this many bytes a compressed answer saves less than the headers and the work cost. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

const COMPRESSIBLE = /^(application\/(json|[\w.+-]+\+json)|text\/)/i;

const compressors: Record<ContentCoding, (body: Buffer) => Promise<Buffer>> = {
  // Quality 4: within a few per cent of gzip -6's size on JSON, and several times faster than brotli's
  // default quality 11, which would cost tens of milliseconds per answer.
  br: (body) =>
    promisify(brotliCompress)(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 4,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    }),
  gzip: (body) => promisify(gzip)(body, { level: 6 }),
};

export function compressBody(coding: ContentCoding, body: Buffer): Promise<Buffer> {
  return compressors[coding](body);
}

/** RFC 9110 § 12.5.3: the acceptable coding with the highest q (br on a tie); `*` covers unnamed ones. */
export function negotiateCoding(header: string | undefined): ContentCoding | undefined {
  if (header === undefined) return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (name === '') continue;
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (coding: ContentCoding) => weights.get(coding) ?? weights.get('*') ?? 0;
  const best = (['br', 'gzip'] as const).reduce<ContentCoding | undefined>((chosen, coding) => {
    const weight = weightOf(coding);
    if (weight <= 0) return chosen;
    return chosen === undefined || weight > weightOf(chosen) ? coding : chosen;
  }, undefined);
  return best;
}

function worthCompressing(response: Response, body: Buffer): boolean {
  const type = response.get('Content-Type');
  return (
    body.length >= COMPRESSION_THRESHOLD_BYTES &&
    response.statusCode !== 204 &&
    response.statusCode !== 304 &&
    response.get('Content-Encoding') === undefined &&
    type !== undefined &&
    COMPRESSIBLE.test(type)
  );
}

export function compressAnswers(): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    response.vary('Accept-Encoding');
    const coding = request.method === 'HEAD' ? undefined : negotiateCoding(request.get('accept-encoding'));
    if (coding === undefined) {
      next();
      return;
    }
    const send = response.send.bind(response);
    response.send = (body?: unknown) => {
      // Objects go through response.json, which comes back here with their JSON text.
      if (typeof body !== 'string' && !Buffer.isBuffer(body)) return send(body);
      if (typeof body === 'string' && response.get('Content-Type') === undefined) response.type('html');
      const bytes = typeof body === 'string' ? Buffer.from(body) : body;
      if (!worthCompressing(response, bytes)) return send(body);
      compressors[coding](bytes).then(
        (compressed) => {
          // The API's entity tags name the coding (api/caching.ts), so they stay strong.
          response.set('Content-Encoding', coding);
          send(compressed);
        },
        (error: unknown) => {
          next(error);
        },
      );
      return response;
    };
    next();
  };
}
