/** Interned strings: rows store a small integer, the pool maps it back. Index 0 is the empty string. */
export class StringPool {
  private readonly values: string[] = [''];
  private readonly indexes = new Map<string, number>([['', 0]]);

  intern(value: string): number {
    const known = this.indexes.get(value);
    if (known !== undefined) return known;
    const index = this.values.length;
    this.values.push(value);
    this.indexes.set(value, index);
    return index;
  }

  /** The index of an already interned string, or undefined. */
  find(value: string): number | undefined {
    return this.indexes.get(value);
  }

  get(index: number): string {
    return this.values[index] ?? '';
  }

  get size(): number {
    return this.values.length;
  }
}
