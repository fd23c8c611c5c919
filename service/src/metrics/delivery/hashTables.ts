/**
 * Open-addressing hash tables on typed arrays for the engine's large joins (SHAs, change ids, build
 * ids). Each distinct key gets an entry number (0, 1, 2… in first-seen order), so callers keep their
 * per-key state in plain or typed arrays. Sized from the record counts, they allocate nothing per
 * entry and do not rehash while filling: several times faster than Map at hundreds of thousands of keys.
 */

import { FRESH, type TypedArrays } from './scratch.ts';

/** Slot contents are entry + 1, so that a zero-filled array is empty. */
const EMPTY = 0;

function capacityFor(entries: number): number {
  let capacity = 16;
  while (capacity < entries * 2) capacity *= 2;
  return capacity;
}

/** FNV-1a, finished with a multiply-xorshift so that the low bits are mixed too. */
function finish(hash: number): number {
  const mixed = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  return mixed ^ (mixed >>> 16);
}

/** Long keys (40-character SHAs) hash their first and last 16 characters and their length. */
function hashString(key: string): number {
  const length = key.length;
  let hash = 0x811c9dc5;
  if (length <= 32) {
    for (let i = 0; i < length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  } else {
    for (let i = 0; i < 16; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
    for (let i = length - 16; i < length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ length, 0x01000193);
  }
  return finish(hash);
}

/** Distinct strings, numbered in first-seen order. */
export class StringTable {
  private keys: string[];
  private count = 0;
  /** Pairs (entry + 1, hash) per slot: one cache line answers most probes without comparing strings. */
  private slots: Int32Array;
  private mask: number;

  /** `slotArrays`: where the slots come from (see scratch.ts). */
  constructor(expectedEntries: number, slotArrays: TypedArrays = FRESH) {
    const capacity = capacityFor(expectedEntries);
    this.keys = new Array<string>(expectedEntries);
    this.slots = slotArrays.int32(capacity * 2);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The key of an entry. */
  keyOf(entry: number): string | undefined {
    return entry < this.count ? this.keys[entry] : undefined;
  }

  /** The entry of `key`, or -1. */
  find(key: string): number {
    const hash = hashString(key);
    const { slots, keys, mask } = this;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const stored = slots[2 * slot] ?? EMPTY;
      if (stored === EMPTY) return -1;
      if (slots[2 * slot + 1] === hash && keys[stored - 1] === key) return stored - 1;
    }
  }

  /** The entry of `key`, added if new (new entries are numbered `size` before the call). */
  intern(key: string): number {
    const hash = hashString(key);
    const { slots, keys, mask } = this;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const stored = slots[2 * slot] ?? EMPTY;
      if (stored === EMPTY) {
        const entry = this.count++;
        keys[entry] = key;
        slots[2 * slot] = entry + 1;
        slots[2 * slot + 1] = hash;
        if (this.count * 4 > slots.length) this.grow();
        return entry;
      }
      if (slots[2 * slot + 1] === hash && keys[stored - 1] === key) return stored - 1;
    }
  }

  private grow(): void {
    const old = this.slots;
    const capacity = old.length;
    const slots = new Int32Array(capacity * 2);
    const mask = capacity - 1;
    for (let at = 0; at < old.length; at += 2) {
      const stored = old[at] ?? EMPTY;
      if (stored === EMPTY) continue;
      const hash = old[at + 1] ?? 0;
      let slot = hash & mask;
      while ((slots[2 * slot] ?? EMPTY) !== EMPTY) slot = (slot + 1) & mask;
      slots[2 * slot] = stored;
      slots[2 * slot + 1] = hash;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** Fibonacci hashing of a 32-bit integer. */
function hashInteger(key: number): number {
  return Math.imul(key, 0x9e3779b1) ^ (key >>> 15);
}

/**
 * Distinct numbers (build ids), numbered in first-seen order. 32-bit integers live in the table;
 * anything else (never seen from Azure DevOps, but allowed by the type) in a Map beside it, which
 * keeps Map's key equality.
 */
export class NumberTable {
  /** Keys by entry; a typed array, so that the garbage collector never scans it. */
  private keys: Float64Array;
  private count = 0;
  /** Pairs (entry + 1, key) per slot. */
  private slots: Int32Array;
  private mask: number;
  private others: Map<number, number> | undefined;

  /** Where the slots and the keys come from (see scratch.ts). */
  constructor(expectedEntries: number, slotArrays: TypedArrays = FRESH, keyArrays: TypedArrays = FRESH) {
    const capacity = capacityFor(expectedEntries);
    this.keys = keyArrays.float64(Math.max(16, expectedEntries));
    this.slots = slotArrays.int32(capacity * 2);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The key of an entry. */
  keyOf(entry: number): number | undefined {
    return entry < this.count ? this.keys[entry] : undefined;
  }

  /** The entry of `key`, or -1. */
  find(key: number): number {
    if ((key | 0) !== key) return this.others?.get(key) ?? -1;
    const { slots, mask } = this;
    for (let slot = hashInteger(key) & mask; ; slot = (slot + 1) & mask) {
      const stored = slots[2 * slot] ?? EMPTY;
      if (stored === EMPTY) return -1;
      if (slots[2 * slot + 1] === key) return stored - 1;
    }
  }

  /** The entry of `key`, added if new (new entries are numbered `size` before the call). */
  intern(key: number): number {
    if ((key | 0) !== key) return this.internOther(key);
    const { slots, mask } = this;
    for (let slot = hashInteger(key) & mask; ; slot = (slot + 1) & mask) {
      const stored = slots[2 * slot] ?? EMPTY;
      if (stored === EMPTY) {
        const entry = this.addKey(key);
        slots[2 * slot] = entry + 1;
        slots[2 * slot + 1] = key;
        if (this.count * 4 > slots.length) this.grow();
        return entry;
      }
      if (slots[2 * slot + 1] === key) return stored - 1;
    }
  }

  private internOther(key: number): number {
    this.others ??= new Map();
    const known = this.others.get(key);
    if (known !== undefined) return known;
    const entry = this.addKey(key);
    this.others.set(key, entry);
    return entry;
  }

  private addKey(key: number): number {
    if (this.count === this.keys.length) {
      const keys = new Float64Array(this.keys.length * 2);
      keys.set(this.keys);
      this.keys = keys;
    }
    const entry = this.count++;
    // As a Map key, -0 is 0.
    this.keys[entry] = key === 0 ? 0 : key;
    return entry;
  }

  private grow(): void {
    const old = this.slots;
    const capacity = old.length;
    const slots = new Int32Array(capacity * 2);
    const mask = capacity - 1;
    for (let at = 0; at < old.length; at += 2) {
      const stored = old[at] ?? EMPTY;
      if (stored === EMPTY) continue;
      const key = old[at + 1] ?? 0;
      let slot = hashInteger(key) & mask;
      while ((slots[2 * slot] ?? EMPTY) !== EMPTY) slot = (slot + 1) & mask;
      slots[2 * slot] = stored;
      slots[2 * slot + 1] = key;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
