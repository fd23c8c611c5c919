/**
 * The shared list of API error codes against what service/src (without the simulator) can send. The scan
 * reads these constructs:
 *   1. `new HttpError(status, CODE, …)` and `new AccessDeniedError(status, CODE, …)`: the code argument;
 *   2. `new ConnectError(CODE, …)` and `new AzureDevOpsAccessError(CODE, …)`: codes that routers forward;
 *   3. `{ error: { code: CODE, … } }` bodies written by hand and `sendApiError(response, status, CODE, …)`;
 *   4. `*_FAILURES = { code: status }` maps, whose keys routers forward as codes;
 *   5. `readonly code = CODE` class fields and `code: CODE` of company-holiday problems (forwarded).
 * A CODE written as literals (a ternary of two, say) counts each literal. A CODE that is an expression
 * (`error.problem`) is a forwarding site and must be listed in FORWARDED below with the construct that
 * supplies its codes, so a new way of sending a code cannot slip past the scan.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES, isApiErrorCode } from '../../../service/src/contract/errorCodes.ts';

const SERVICE_SOURCE = join(import.meta.dirname, '../../../service/src');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'simulator' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The text between the parenthesis at `open` and its partner, split at top-level commas. */
export function argumentsAt(text: string, open: number): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = open + 1;
  for (let index = open; index < text.length; index += 1) {
    const character = text.charAt(index);
    if (quote !== undefined) {
      if (character === '\\') index += 1;
      else if (character === quote) quote = undefined;
      continue;
    }
    if (character === "'" || character === '"' || character === '`') quote = character;
    else if ('([{'.includes(character)) depth += 1;
    else if (')]}'.includes(character)) {
      depth -= 1;
      if (depth === 0) {
        parts.push(text.slice(start, index).trim());
        return parts;
      }
    } else if (character === ',' && depth === 1) {
      parts.push(text.slice(start, index).trim());
      start = index + 1;
    }
  }
  throw new Error(`Unbalanced call at ${open}`);
}

const CODE_LITERAL = /'([a-z][a-z_]*)'/g;

/** The code literals of an argument, or undefined when it is an expression without any (a forward). */
export function literalCodes(argument: string): string[] | undefined {
  const codes = [...argument.matchAll(CODE_LITERAL)].map((match) => match[1] ?? '');
  return codes.length === 0 ? undefined : codes;
}

type Construct = 'HttpError' | 'AccessDeniedError' | 'ConnectError' | 'AzureDevOpsAccessError';
const CODE_ARGUMENT: Record<Construct, number> = {
  HttpError: 1,
  AccessDeniedError: 1,
  ConnectError: 0,
  AzureDevOpsAccessError: 0,
};

interface Scan {
  /** Codes each construct writes as literals, with the file they are in. */
  literals: Record<Construct | 'body' | 'classField' | 'holidayProblem' | 'failures', Map<string, string>>;
  /** `file: expression` of each code argument that is not a literal. */
  forwards: Set<string>;
}

export function scan(files: readonly { path: string; text: string }[]): Scan {
  const result: Scan = {
    literals: {
      HttpError: new Map(),
      AccessDeniedError: new Map(),
      ConnectError: new Map(),
      AzureDevOpsAccessError: new Map(),
      body: new Map(),
      classField: new Map(),
      holidayProblem: new Map(),
      failures: new Map(),
    },
    forwards: new Set(),
  };
  for (const { path, text } of files) {
    const add = (kind: keyof Scan['literals'], codes: readonly string[]) => {
      for (const code of codes) result.literals[kind].set(code, path);
    };
    for (const match of text.matchAll(
      /new (HttpError|AccessDeniedError|ConnectError|AzureDevOpsAccessError)\(/g,
    )) {
      const construct = match[1] as Construct;
      const argument =
        argumentsAt(text, (match.index ?? 0) + match[0].length - 1)[CODE_ARGUMENT[construct]] ?? '';
      const codes = literalCodes(argument);
      if (codes === undefined) result.forwards.add(`${path}: ${construct}(${argument})`);
      else add(construct, codes);
    }
    for (const match of text.matchAll(/(?<!function )sendApiError\(/g)) {
      const argument = argumentsAt(text, (match.index ?? 0) + match[0].length - 1)[2] ?? '';
      const codes = literalCodes(argument);
      if (codes === undefined) result.forwards.add(`${path}: sendApiError(${argument})`);
      else add('body', codes);
    }
    for (const match of text.matchAll(/error: \{ code: '([a-z_]+)'/g)) add('body', [match[1] ?? '']);
    for (const match of text.matchAll(/readonly code = '([a-z_]+)'/g)) add('classField', [match[1] ?? '']);
    for (const match of text.matchAll(/_FAILURES = \{([^}]*)\}/g)) {
      add(
        'failures',
        [...(match[1] ?? '').matchAll(/^\s*([a-z_]+):/gm)].map((key) => key[1] ?? ''),
      );
    }
    if (path.endsWith('companyHolidayValidation.ts')) {
      add(
        'holidayProblem',
        [...text.matchAll(/\bcode: '([a-z_]+)'/g)].map((code) => code[1] ?? ''),
      );
    }
  }
  return result;
}

/** Every forwarding site, and which scanned construct supplies its codes. */
const FORWARDED: Record<string, keyof Scan['literals']> = {
  'api/access/authorize.ts: HttpError(error.code)': 'AccessDeniedError',
  'api/access/authorize.ts: HttpError(error.problem)': 'AzureDevOpsAccessError',
  'api/organizations/router.ts: HttpError(error.problem)': 'ConnectError',
  'api/calendar/router.ts: HttpError(code)': 'holidayProblem',
  'api/insights/router.ts: HttpError(error.code)': 'classField',
  'api/params.ts: HttpError(error.failure)': 'failures',
  'api/delivery/params.ts: HttpError(error.failure)': 'failures',
};

function serviceScan(): Scan {
  return scan(
    sourceFiles(SERVICE_SOURCE).map((path) => ({
      path: relative(SERVICE_SOURCE, path).split('\\').join('/'),
      text: readFileSync(path, 'utf8'),
    })),
  );
}

describe('API error codes', () => {
  const found = serviceScan();
  const forwardedFrom = new Set([...found.forwards].map((site) => FORWARDED[site]));
  const sent = new Set<string>([
    ...found.literals.HttpError.keys(),
    ...found.literals.AccessDeniedError.keys(),
    ...found.literals.body.keys(),
    ...[...forwardedFrom].flatMap((supplier) =>
      supplier === undefined ? [] : [...found.literals[supplier].keys()],
    ),
  ]);

  it('every forwarding site is known, and every known one still exists', () => {
    expect([...found.forwards].sort()).toEqual(Object.keys(FORWARDED).sort());
  });

  it('lists every code the service sends', () => {
    expect([...sent].filter((code) => !isApiErrorCode(code)).sort()).toEqual([]);
  });

  it('holds no code the service no longer sends', () => {
    expect(API_ERROR_CODES.filter((code) => !sent.has(code))).toEqual([]);
  });

  it('holds each code once', () => {
    expect(new Set(API_ERROR_CODES).size).toBe(API_ERROR_CODES.length);
  });

  it('scans each construct (so a regular expression gone blind fails here)', () => {
    expect(found.literals.HttpError.get('target_refused')).toBe('api/targets/router.ts');
    expect(found.literals.HttpError.get('unauthorized')).toBe('api/hooks/router.ts');
    expect(found.literals.HttpError.get('rejected')).toBe('api/hooks/router.ts');
    expect(found.literals.AccessDeniedError.has('requires_team_administrator')).toBe(true);
    expect(found.literals.ConnectError.has('pat_wrong_organization')).toBe(true);
    expect(found.literals.AzureDevOpsAccessError.has('not_authorized')).toBe(true);
    expect(found.literals.body.get('extension_not_built')).toBe('preview/createPreviewRouter.ts');
    expect(found.literals.classField.get('invalid_week_start')).toBe('services/insights/errors.ts');
    expect(found.literals.holidayProblem.has('too_many_holidays')).toBe(true);
    expect([...found.literals.failures.keys()]).toEqual(
      expect.arrayContaining(['no_current_sprint', 'team_not_mapped', 'unsupported_team_field']),
    );
  });
});

describe('the scanner', () => {
  it.each<[string, string, Record<string, string[]>, string[]]>([
    [
      'a literal code',
      "throw new HttpError(422, 'target_refused', reason, `targets.${i}.kind`);",
      { HttpError: ['target_refused'] },
      [],
    ],
    [
      'both sides of a ternary, over several lines',
      "new HttpError(\n  status,\n  status === 404 ? 'not_found' : 'bad_request',\n  message(1, 2),\n)",
      { HttpError: ['not_found', 'bad_request'] },
      [],
    ],
    [
      'a forwarded code',
      'new HttpError(422, error.problem, error.message)',
      {},
      ['f.ts: HttpError(error.problem)'],
    ],
    [
      'commas and parentheses inside strings do not shift the arguments',
      "new AccessDeniedError(403, 'project_not_visible', `You (${user}), cannot see it.`)",
      { AccessDeniedError: ['project_not_visible'] },
      [],
    ],
    [
      'a connect problem is its first argument',
      "new ConnectError('unreachable', message, 'organizationUrl')",
      { ConnectError: ['unreachable'] },
      [],
    ],
    [
      'a body written by hand',
      "json({ error: { code: 'not_found', message: 'No.' } })",
      { body: ['not_found'] },
      [],
    ],
    [
      'a failures map',
      'const X_FAILURES = {\n  /** why */\n  no_sprint_dates: 422,\n  team_not_mapped: 409,\n} as const;',
      { failures: ['no_sprint_dates', 'team_not_mapped'] },
      [],
    ],
    ['a class field', "readonly code = 'invalid_week_start';", { classField: ['invalid_week_start'] }, []],
  ])('%s', (_name, text, literals, forwards) => {
    const result = scan([{ path: 'f.ts', text }]);
    const found = Object.fromEntries(
      Object.entries(result.literals)
        .filter(([, codes]) => codes.size > 0)
        .map(([kind, codes]) => [kind, [...codes.keys()]]),
    );
    expect(found).toEqual(literals);
    expect([...result.forwards]).toEqual(forwards);
  });
});
