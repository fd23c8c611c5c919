/**
 * Conditional GETs and encoded answers. The ETag goes on the 304 and on the answer, never on an error.
 * The tag names everything an answer depends on (data version, settings, endpoint, format, request and
 * content coding), so the bytes sent under one tag are kept, already serialised and compressed, in a
 * bounded cache: a warm request costs the version query and a lookup, and concurrent requests for a
 * tag not yet cached wait for one computation (ResultCache).
 */
import type { Request, Response } from 'express';
import { ResultCache } from '../services/flow/resultCache.ts';
import {
  compressBody,
  COMPRESSION_THRESHOLD_BYTES,
  negotiateCoding,
  type ContentCoding,
} from './compression.ts';
import { attachmentDisposition } from './csv.ts';
import { entityTag, ifNoneMatchMatches } from './etag.ts';

export interface ConditionalGet {
  fresh: boolean;
  etag: string;
  /** The content coding the tag was made for (undefined: identity). */
  coding: ContentCoding | undefined;
}

/**
 * Sets the caching headers and answers 304 when the client's copy is current (`fresh`). Otherwise the
 * caller answers (through sendEncoded) with `etag`, so a failure never carries one.
 */
export function conditionalGet(
  request: Request,
  response: Response,
  parts: readonly string[],
): ConditionalGet {
  // A strong tag promises the same bytes: brotli, gzip and identity answers each get their own.
  const coding = negotiateCoding(request.get('accept-encoding'));
  const etag = entityTag([...parts, coding ?? 'identity']);
  response.set('Cache-Control', 'private, no-cache');
  response.vary('Accept');
  response.vary('Accept-Encoding');
  if (!ifNoneMatchMatches(request.get('if-none-match'), etag)) return { fresh: false, etag, coding };
  response.set('ETag', etag);
  response.status(304).end();
  return { fresh: true, etag, coding };
}

/** An answer as sent: serialised, compressed when worth it. */
export interface EncodedAnswer {
  body: Buffer;
  contentType: string;
  coding: ContentCoding | undefined;
  disposition: string | undefined;
}

/** Most bytes of encoded answers kept (compressed answers are a tenth of their JSON, or less). */
export const ANSWER_CACHE_BYTES = 64 * 1024 * 1024;

export function createAnswerCache(maxBytes = ANSWER_CACHE_BYTES): ResultCache<EncodedAnswer> {
  return new ResultCache<EncodedAnswer>({
    maxEntries: 4096,
    maxWeight: maxBytes,
    weigh: (answer) => answer.body.length,
  });
}

export type Rendered = { kind: 'json'; value: unknown } | { kind: 'csv'; filename: string; text: string };

/** JSON, or the CSV export when that format was asked for and the endpoint has one. */
export function renderedAs<R>(
  format: string,
  body: R,
  csv: ((body: R) => { filename: string; body: string }) | undefined,
): Rendered {
  if (format !== 'csv' || csv === undefined) return { kind: 'json', value: body };
  const exported = csv(body);
  return { kind: 'csv', filename: exported.filename, text: exported.body };
}

/** Serialises (as response.json and sendCsv would) and compresses with the negotiated coding. */
export async function encodeAnswer(
  rendered: Rendered,
  coding: ContentCoding | undefined,
): Promise<EncodedAnswer> {
  const text = rendered.kind === 'json' ? JSON.stringify(rendered.value) : rendered.text;
  const plain = Buffer.from(text);
  const compress = coding !== undefined && plain.length >= COMPRESSION_THRESHOLD_BYTES;
  return {
    body: compress ? await compressBody(coding, plain) : plain,
    contentType:
      rendered.kind === 'json'
        ? 'application/json; charset=utf-8'
        : 'text/csv; charset=utf-8; header=present',
    coding: compress ? coding : undefined,
    disposition: rendered.kind === 'csv' ? attachmentDisposition(rendered.filename) : undefined,
  };
}

export function sendEncoded(response: Response, etag: string, answer: EncodedAnswer): void {
  response.set('Content-Type', answer.contentType);
  if (answer.coding !== undefined) response.set('Content-Encoding', answer.coding);
  if (answer.disposition !== undefined) response.set('Content-Disposition', answer.disposition);
  response.set('ETag', etag);
  response.send(answer.body);
}
