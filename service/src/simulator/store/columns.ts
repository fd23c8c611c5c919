/**
 * Growable typed-array columns: the simulator keeps a million revisions and hundreds of thousands of
 * builds as parallel typed arrays (a few dozen bytes per row) instead of one object per row.
 */
type TypedArray = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array;

interface TypedArrayConstructor<T extends TypedArray> {
  new (length: number): T;
}

export class Column<T extends TypedArray> {
  private data: T;

  constructor(
    private readonly kind: TypedArrayConstructor<T>,
    capacity = 1024,
  ) {
    this.data = new kind(capacity);
  }

  get(index: number): number {
    return this.data[index] ?? 0;
  }

  set(index: number, value: number): void {
    if (index >= this.data.length) this.grow(index + 1);
    this.data[index] = value;
  }

  /** Bytes currently reserved (for the memory figures). */
  get byteLength(): number {
    return this.data.byteLength;
  }

  private grow(needed: number): void {
    let capacity = this.data.length * 2;
    while (capacity < needed) capacity *= 2;
    const next = new this.kind(capacity);
    next.set(this.data);
    this.data = next;
  }
}

export const int32 = (capacity?: number) => new Column(Int32Array, capacity);
export const uint32 = (capacity?: number) => new Column(Uint32Array, capacity);
export const uint16 = (capacity?: number) => new Column(Uint16Array, capacity);
export const uint8 = (capacity?: number) => new Column(Uint8Array, capacity);
export const float64 = (capacity?: number) => new Column(Float64Array, capacity);
