import { createHash } from 'node:crypto';

/**
 * Identifiers derived from a key instead of drawn from a random stream, so an entity created later
 * (by the clock) gets the same id whatever happened before it.
 */
function digest(seed: number, key: string): Buffer {
  return createHash('sha1')
    .update(`${seed >>> 0}:${key}`)
    .digest();
}

/** A GUID-shaped (version 4 layout) id for `key`. */
export function derivedGuid(seed: number, key: string): string {
  const hex = digest(seed, key).toString('hex');
  const variant = (8 + (parseInt(hex.charAt(16), 16) % 4)).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A 40-hex-digit Git object id for `key`. */
export function derivedSha(seed: number, key: string): string {
  return digest(seed, key).toString('hex');
}

/** A 32-bit number for `key` (cheap per-entity variation without a random stream). */
export function derivedNumber(seed: number, key: string): number {
  return digest(seed, key).readUInt32BE(0);
}
