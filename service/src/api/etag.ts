/**
 * Entity tags for flow answers. The tag is a digest of everything the answer depends on (the data
 * version, settings, organization, endpoint, format and normalised request), so it is known before
 * anything is loaded: a matching If-None-Match costs one small query and no computation.
 */
import { createHash } from 'node:crypto';

export function entityTag(parts: readonly string[]): string {
  const digest = createHash('sha256').update(parts.join('\u0001')).digest('base64url');
  return `"${digest.slice(0, 32)}"`;
}

/** RFC 9110 § 13.1.2: weak comparison; `*` matches any current representation. */
export function ifNoneMatchMatches(header: string | undefined, tag: string): boolean {
  if (header === undefined) return false;
  const opaque = tag.replace(/^W\//, '');
  return header
    .split(',')
    .map((candidate) => candidate.trim())
    .some((candidate) => candidate === '*' || candidate.replace(/^W\//, '') === opaque);
}
