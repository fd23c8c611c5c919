/**
 * Typed arrays as base64 text and back, for the columns of the stored linked input. A column read only
 * while the records are made decodes into `memory` (an arena the codec resets per read): a large project's
 * columns are tens of MB, and fresh memory of that size would start a full collection of the heap.
 */
import type { Arena } from '../../../metrics/delivery/scratch.ts';

/** Where decoded columns live: fresh memory (a column kept after decoding) or the read's arena. */
export type ColumnMemory = Arena | undefined;

export function base64Of(array: Float64Array | Int32Array | Uint16Array | Uint8Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

/** The decoded bytes, in `memory` or a new buffer of their own (either way aligned for any typed array). */
function bytesOf(
  text: string,
  width: number,
  memory: ColumnMemory,
): { buffer: ArrayBufferLike; offset: number; length: number } {
  const length = Buffer.byteLength(text, 'base64');
  if (length % width !== 0) throw new Error('A stored column has a partial value');
  const bytes = memory === undefined ? new Uint8Array(length) : memory.bytes(length);
  const written = Buffer.from(bytes.buffer, bytes.byteOffset, length).write(text, 'base64');
  if (written !== length) throw new Error('A stored column is not base64');
  return { buffer: bytes.buffer, offset: bytes.byteOffset, length: length / width };
}

/** A typed-array type that can view decoded bytes. */
interface ViewType<T> {
  readonly BYTES_PER_ELEMENT: number;
  new (buffer: ArrayBufferLike, offset: number, length: number): T;
}

function viewOf<T>(text: string, Type: ViewType<T>, memory: ColumnMemory): T {
  const { buffer, offset, length } = bytesOf(text, Type.BYTES_PER_ELEMENT, memory);
  return new Type(buffer, offset, length);
}

export const float64Of = (text: string, memory?: ColumnMemory): Float64Array =>
  viewOf(text, Float64Array, memory);
export const int32Of = (text: string, memory?: ColumnMemory): Int32Array => viewOf(text, Int32Array, memory);
export const uint16Of = (text: string, memory?: ColumnMemory): Uint16Array =>
  viewOf(text, Uint16Array, memory);
export const uint8Of = (text: string, memory?: ColumnMemory): Uint8Array => viewOf(text, Uint8Array, memory);
