/** Typed arrays as base64 text and back, for the columns of the stored linked input. */

export function base64Of(array: Float64Array | Int32Array | Uint16Array | Uint8Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

/** The decoded bytes where a typed array of `width` can view them: a small Buffer may sit unaligned in a shared pool. */
function bytesOf(text: string, width: number): { buffer: ArrayBufferLike; offset: number; length: number } {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % width !== 0) throw new Error('A stored column has a partial value');
  if (bytes.byteOffset % width === 0) {
    return { buffer: bytes.buffer, offset: bytes.byteOffset, length: bytes.length / width };
  }
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return { buffer: copy.buffer, offset: 0, length: bytes.length / width };
}

export function float64Of(text: string): Float64Array {
  const { buffer, offset, length } = bytesOf(text, 8);
  return new Float64Array(buffer, offset, length);
}

export function int32Of(text: string): Int32Array {
  const { buffer, offset, length } = bytesOf(text, 4);
  return new Int32Array(buffer, offset, length);
}

export function uint8Of(text: string): Uint8Array {
  const { buffer, offset, length } = bytesOf(text, 1);
  return new Uint8Array(buffer, offset, length);
}

export function uint16Of(text: string): Uint16Array {
  const { buffer, offset, length } = bytesOf(text, 2);
  return new Uint16Array(buffer, offset, length);
}
