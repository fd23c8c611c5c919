/** Tokens of the WIQL subset the simulator understands. */
export type Token =
  | { readonly kind: 'field'; readonly text: string }
  | { readonly kind: 'string'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'macro'; readonly text: string }
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'op'; readonly text: string }
  | { readonly kind: 'punct'; readonly text: '(' | ')' | ',' };

export class WiqlSyntaxError extends Error {}

export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < query.length) {
    const char = query.charAt(at);
    if (/\s/.test(char)) {
      at += 1;
      continue;
    }
    if (char === '[') {
      const end = query.indexOf(']', at);
      if (end === -1) throw new WiqlSyntaxError('Expecting a closing bracket.');
      tokens.push({ kind: 'field', text: query.slice(at + 1, end).trim() });
      at = end + 1;
      continue;
    }
    if (char === "'" || char === '"') {
      let text = '';
      let position = at + 1;
      for (;;) {
        if (position >= query.length) throw new WiqlSyntaxError('Expecting a closing quote.');
        const next = query.charAt(position);
        if (next === char && query.charAt(position + 1) === char) {
          text += char;
          position += 2;
        } else if (next === char) break;
        else {
          text += next;
          position += 1;
        }
      }
      tokens.push({ kind: 'string', text });
      at = position + 1;
      continue;
    }
    if (char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: 'punct', text: char });
      at += 1;
      continue;
    }
    const operator = /^(<>|<=|>=|=|<|>|\+|-)/.exec(query.slice(at));
    if (
      operator?.[1] !== undefined &&
      !(operator[1] === '-' && /\d/.test(query.charAt(at + 1)) && tokens.at(-1)?.kind === 'op')
    ) {
      tokens.push({ kind: 'op', text: operator[1] });
      at += operator[1].length;
      continue;
    }
    const number = /^-?\d+(\.\d+)?/.exec(query.slice(at));
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]) });
      at += number[0].length;
      continue;
    }
    const word = /^@?[A-Za-z_][A-Za-z0-9_.]*/.exec(query.slice(at));
    if (!word) throw new WiqlSyntaxError(`Unexpected character '${char}'.`);
    tokens.push(word[0].startsWith('@') ? { kind: 'macro', text: word[0] } : { kind: 'word', text: word[0] });
    at += word[0].length;
  }
  return tokens;
}
