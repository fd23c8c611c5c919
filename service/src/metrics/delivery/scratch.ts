/**
 * Where the engine's typed arrays come from. Its working state (hash table slots, columns, the
 * copies quickselect reorders) runs to tens of MB for a large organization. Allocating it afresh on
 * every call costs page faults, and V8 counts typed-array memory as external memory: 64 MB of it
 * since the last full collection starts one, which then marks the caller's whole heap. So memory
 * that cannot outlive a call is reused from call to call instead.
 *
 * Reused memory is safe because the engine is synchronous and not reentrant, and because no typed
 * array ever reaches a result (reports are plain objects and arrays). Arrays from FRESH may escape
 * (prepareDelivery returns them); arrays from a ScratchSpace or an Arena must not.
 */
export interface TypedArrays {
  /** An Int32Array of `length` elements, every one set to `fill`. */
  int32(length: number, fill?: number): Int32Array;
  /** A Float64Array of `length` elements, every one 0. */
  float64(length: number): Float64Array;
}

/** New arrays, for results that outlive the call. */
export const FRESH: TypedArrays = {
  int32: (length, fill = 0) => (fill === 0 ? new Int32Array(length) : new Int32Array(length).fill(fill)),
  float64: (length) => new Float64Array(length),
};

/**
 * One array at a time, in memory kept from call to call. Owned by one function (a module constant
 * beside it): the array is valid until that function borrows from the same space again.
 */
export class ScratchSpace implements TypedArrays {
  private buffer = new ArrayBuffer(0);

  private bytes(byteLength: number): ArrayBuffer {
    if (this.buffer.byteLength < byteLength) this.buffer = new ArrayBuffer(byteLength);
    return this.buffer;
  }

  int32(length: number, fill = 0): Int32Array {
    return new Int32Array(this.bytes(length * 4), 0, length).fill(fill);
  }

  float64(length: number): Float64Array {
    return new Float64Array(this.bytes(length * 8), 0, length).fill(0);
  }

  /** A Uint8Array of `length` elements, every one 0. */
  uint8(length: number): Uint8Array {
    return new Uint8Array(this.bytes(length), 0, length).fill(0);
  }
}

/**
 * Many arrays for the span of one call, in memory kept from call to call: `reset` at the start of
 * the call, then every array handed out stays valid until the next reset. A call that needs more
 * than the arena holds gets extra blocks; the next reset merges them into one, so a steady
 * workload allocates nothing.
 */
export class Arena implements TypedArrays {
  private blocks: ArrayBuffer[] = [];
  private block = 0;
  private offset = 0;
  private used = 0;

  reset(): void {
    const first = this.blocks[0];
    if (this.blocks.length > 1 || first === undefined) {
      this.blocks = this.used > 0 ? [new ArrayBuffer(this.used)] : [];
    }
    this.block = 0;
    this.offset = 0;
    this.used = 0;
  }

  /** `byteLength` bytes, 8-byte aligned, as [buffer, offset]. */
  private take(byteLength: number): [ArrayBuffer, number] {
    const size = Math.ceil(byteLength / 8) * 8;
    this.used += size;
    let buffer = this.blocks[this.block];
    if (buffer !== undefined && this.offset + size > buffer.byteLength) {
      this.block++;
      this.offset = 0;
      buffer = this.blocks[this.block];
    }
    if (buffer === undefined || size > buffer.byteLength) {
      buffer = new ArrayBuffer(Math.max(size, 1 << 20));
      this.blocks.splice(this.block, 0, buffer);
    }
    const at = this.offset;
    this.offset += size;
    return [buffer, at];
  }

  int32(length: number, fill = 0): Int32Array {
    const [buffer, at] = this.take(length * 4);
    return new Int32Array(buffer, at, length).fill(fill);
  }

  float64(length: number): Float64Array {
    const [buffer, at] = this.take(length * 8);
    return new Float64Array(buffer, at, length).fill(0);
  }

  /** `length` bytes, 8-byte aligned (any typed array can view them), not cleared: the caller fills them. */
  bytes(length: number): Uint8Array {
    const [buffer, at] = this.take(length);
    return new Uint8Array(buffer, at, length);
  }
}
