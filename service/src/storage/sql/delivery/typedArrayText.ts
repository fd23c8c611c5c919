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

/** A typed-array type that can view decoded bytes. */
interface ViewType<T> {
  readonly BYTES_PER_ELEMENT: number;
  new (buffer: ArrayBufferLike, offset: number, length: number): T;
}

function viewOf<T>(text: string, Type: ViewType<T>): T {
  const { buffer, offset, length } = bytesOf(text, Type.BYTES_PER_ELEMENT);
  return new Type(buffer, offset, length);
}

export const float64Of = (text: string): Float64Array => viewOf(text, Float64Array);
export const int32Of = (text: string): Int32Array => viewOf(text, Int32Array);
export const uint16Of = (text: string): Uint16Array => viewOf(text, Uint16Array);
export const uint8Of = (text: string): Uint8Array => viewOf(text, Uint8Array);
