import { tokenize, WiqlSyntaxError } from './lexer.ts';
import type { Token } from './lexer.ts';
import { resolveField } from './fields.ts';

export type Value =
  | { readonly kind: 'literal'; readonly value: string | number }
  | { readonly kind: 'macro'; readonly name: string; readonly offset: number };

export type Condition =
  | { readonly kind: 'and' | 'or'; readonly left: Condition; readonly right: Condition }
  | { readonly kind: 'not'; readonly inner: Condition }
  | { readonly kind: 'compare'; readonly field: string; readonly op: string; readonly value: Value }
  | {
      readonly kind: 'in';
      readonly field: string;
      readonly values: readonly Value[];
      readonly negated: boolean;
    }
  | { readonly kind: 'under'; readonly field: string; readonly value: Value; readonly negated: boolean }
  | { readonly kind: 'contains'; readonly field: string; readonly value: Value; readonly negated: boolean };

export interface WiqlQuery {
  readonly select: readonly string[];
  readonly where: Condition | undefined;
  readonly orderBy: readonly { readonly field: string; readonly descending: boolean }[];
  readonly asOf: string | undefined;
}

/** A flat WIQL query: SELECT … FROM WorkItems [WHERE …] [ORDER BY …] [ASOF '…']. */
export function parseWiql(text: string): WiqlQuery {
  const tokens = tokenize(text);
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const isWord = (word: string, token = peek()): boolean =>
    token?.kind === 'word' && token.text.toLowerCase() === word;
  const expectWord = (word: string): void => {
    if (!isWord(word)) throw new WiqlSyntaxError(`Expecting ${word.toUpperCase()}.`);
    at += 1;
  };
  const field = (): string => {
    const token = peek();
    if (token?.kind !== 'field' && token?.kind !== 'word')
      throw new WiqlSyntaxError('Expecting a field name.');
    at += 1;
    const reference = resolveField(token.text);
    if (!reference)
      throw new WiqlSyntaxError(
        `TF51005: The query references a field that does not exist. The error is caused by «[${token.text}]».`,
      );
    return reference;
  };
  const value = (): Value => {
    const token = peek();
    at += 1;
    if (token?.kind === 'string') return { kind: 'literal', value: token.text };
    if (token?.kind === 'number') return { kind: 'literal', value: token.value };
    if (token?.kind === 'macro') {
      let offset = 0;
      const sign = peek();
      if (sign?.kind === 'op' && (sign.text === '+' || sign.text === '-')) {
        const amount = tokens[at + 1];
        if (amount?.kind !== 'number') throw new WiqlSyntaxError('Expecting a number after the macro.');
        offset = sign.text === '-' ? -amount.value : amount.value;
        at += 2;
      } else if (sign?.kind === 'number' && sign.value < 0) {
        offset = sign.value;
        at += 1;
      }
      return { kind: 'macro', name: token.text.toLowerCase(), offset };
    }
    throw new WiqlSyntaxError('Expecting a value.');
  };
  const predicate = (): Condition => {
    const name = field();
    let negated = false;
    if (isWord('not')) {
      negated = true;
      at += 1;
    }
    if (isWord('in')) {
      at += 1;
      const open = peek();
      if (open?.kind !== 'punct' || open.text !== '(') throw new WiqlSyntaxError('Expecting (.');
      at += 1;
      const values: Value[] = [value()];
      for (let next = peek(); next?.kind === 'punct' && next.text === ','; next = peek()) {
        at += 1;
        values.push(value());
      }
      const close = peek();
      if (close?.kind !== 'punct' || close.text !== ')') throw new WiqlSyntaxError('Expecting ).');
      at += 1;
      return { kind: 'in', field: name, values, negated };
    }
    if (isWord('under')) {
      at += 1;
      return { kind: 'under', field: name, value: value(), negated };
    }
    if (isWord('contains')) {
      at += 1;
      if (isWord('words')) at += 1;
      return { kind: 'contains', field: name, value: value(), negated };
    }
    if (isWord('ever')) {
      at += 1;
      return { kind: 'compare', field: name, op: '=', value: value() };
    }
    const op = peek();
    if (negated || op?.kind !== 'op' || !['=', '<>', '<', '>', '<=', '>='].includes(op.text))
      throw new WiqlSyntaxError('Expecting a comparison operator.');
    at += 1;
    return { kind: 'compare', field: name, op: op.text, value: value() };
  };
  const factor = (): Condition => {
    if (isWord('not')) {
      at += 1;
      return { kind: 'not', inner: factor() };
    }
    const token = peek();
    if (token?.kind === 'punct' && token.text === '(') {
      at += 1;
      const inner = disjunction();
      const close = peek();
      if (close?.kind !== 'punct' || close.text !== ')') throw new WiqlSyntaxError('Expecting ).');
      at += 1;
      return inner;
    }
    return predicate();
  };
  const conjunction = (): Condition => {
    let left = factor();
    while (isWord('and')) {
      at += 1;
      left = { kind: 'and', left, right: factor() };
    }
    return left;
  };
  const disjunction = (): Condition => {
    let left = conjunction();
    while (isWord('or')) {
      at += 1;
      left = { kind: 'or', left, right: conjunction() };
    }
    return left;
  };

  expectWord('select');
  const select = [field()];
  for (let next = peek(); next?.kind === 'punct' && next.text === ','; next = peek()) {
    at += 1;
    select.push(field());
  }
  expectWord('from');
  const source = peek();
  if (!isWord('workitems', source))
    throw new WiqlSyntaxError('The simulator answers flat queries only (FROM WorkItems).');
  at += 1;
  const where = isWord('where') ? (at++, disjunction()) : undefined;
  const orderBy: { field: string; descending: boolean }[] = [];
  if (isWord('order')) {
    at += 1;
    expectWord('by');
    for (;;) {
      const name = field();
      let descending = false;
      if (isWord('desc')) {
        descending = true;
        at += 1;
      } else if (isWord('asc')) at += 1;
      orderBy.push({ field: name, descending });
      const next = peek();
      if (next?.kind !== 'punct' || next.text !== ',') break;
      at += 1;
    }
  }
  let asOf: string | undefined;
  if (isWord('asof')) {
    at += 1;
    const token = peek();
    if (token?.kind !== 'string') throw new WiqlSyntaxError('Expecting a date after ASOF.');
    asOf = token.text;
    at += 1;
  }
  if (at < tokens.length) throw new WiqlSyntaxError('Unexpected text at the end of the query.');
  return { select, where, orderBy, asOf };
}
