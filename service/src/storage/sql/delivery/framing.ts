/**
 * The stored linked input as a small JSON header and its long texts after it, end to end: reading then
 * parses the header only and takes each long text as a slice of the stored one, where JSON.parse would
 * copy some hundred MB of column text of a large project.
 */

/** Texts at least this long are framed; a header value {"$": n} stands for the n-th. */
const FRAMED = 64;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function frame(value: unknown, texts: string[]): unknown {
  if (typeof value === 'string' && value.length >= FRAMED) {
    texts.push(value);
    return { $: texts.length - 1 };
  }
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, frame(item, texts)]));
}

/** `{header}\n{lengths}\n{texts}`. */
export function framed(envelope: Record<string, unknown>): string {
  const texts: string[] = [];
  const header = JSON.stringify(frame(envelope, texts));
  return `${header}\n${texts.map((text) => text.length).join(',')}\n${texts.join('')}`;
}

function unframe(value: unknown, texts: readonly string[]): unknown {
  if (!isRecord(value)) return value;
  const index = value['$'];
  if (typeof index === 'number' && Object.keys(value).length === 1) {
    const text = texts[index];
    if (text === undefined) throw new Error('The stored linked input names a text it does not hold');
    return text;
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, unframe(item, texts)]));
}

export function unframed(body: string): unknown {
  const headerEnd = body.indexOf('\n');
  const lengthsEnd = body.indexOf('\n', headerEnd + 1);
  if (headerEnd < 0 || lengthsEnd < 0) throw new Error('The stored linked input is not framed');
  const lengths = body.slice(headerEnd + 1, lengthsEnd);
  const texts: string[] = [];
  let at = lengthsEnd + 1;
  for (const length of lengths === '' ? [] : lengths.split(',').map(Number)) {
    if (!Number.isSafeInteger(length) || at + length > body.length) {
      throw new Error('The stored linked input has a text past its end');
    }
    texts.push(body.slice(at, at + length));
    at += length;
  }
  if (at !== body.length) throw new Error('The stored linked input has text beyond its frames');
  return unframe(JSON.parse(body.slice(0, headerEnd)), texts);
}
