import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../support/childProcess.ts';

/** Folders whose files are the checkout's own code, tests and build scripts. */
const SCANNED = ['service', 'extension', 'tests', 'bench', 'scripts', 'configs', '.ci'];
const SCANNED_FILES = ['package.json', 'vitest.config.ts', 'eslint.config.js', 'vss-extension.json'];
const TEXT_EXTENSIONS = new Set(['.ts', '.tsx', '.mjs', '.cjs', '.js', '.json', '.sh', '.html', '']);
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out', 'data', 'test-results', 'fixtures']);

/** Absolute paths of a development machine: a fresh clone elsewhere has none of them. */
const MACHINE_PATH = /(['"`])\/(?:work|home|root|Users|mnt)\/[^'"`\n]*\1/g;
/** Relative paths in string literals (imports, new URL(...), readFileSync(...)). */
const RELATIVE_PATH = /(['"`])(\.\.\/[^'"`\n$]*)\1/g;

export interface OutsidePath {
  file: string;
  line: number;
  path: string;
}

/** Paths in `content` (the file `file`, relative to `root`) that point outside the checkout. */
export function pathsOutsideCheckout(root: string, file: string, content: string): OutsidePath[] {
  const found: OutsidePath[] = [];
  const lineOf = (index: number) => content.slice(0, index).split('\n').length;
  for (const match of content.matchAll(MACHINE_PATH)) {
    found.push({ file, line: lineOf(match.index), path: match[0].slice(1, -1) });
  }
  for (const match of content.matchAll(RELATIVE_PATH)) {
    const path = match[2] ?? '';
    // `resolve(fileURLToPath(import.meta.url), '..')` climbs from the file itself, not from its folder.
    const fromFileItself = /import\.meta\.url\)\s*,\s*$/.test(
      content.slice(Math.max(0, match.index - 40), match.index),
    );
    const base = fromFileItself ? join(root, file) : dirname(join(root, file));
    const target = resolve(base, path);
    const inside = relative(root, target);
    if (inside.startsWith('..') || inside.startsWith(sep))
      found.push({ file, line: lineOf(match.index), path });
  }
  return found;
}

function scannedFiles(root: string): string[] {
  const files: string[] = [...SCANNED_FILES];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(path);
      } else if (TEXT_EXTENSIONS.has(extname(entry.name)) && statSync(join(root, path)).size < 1_000_000) {
        files.push(path);
      }
    }
  };
  for (const folder of SCANNED) walk(folder);
  return files;
}

describe('the checkout stands alone', () => {
  const root = REPOSITORY_ROOT;

  it.each([
    ['an absolute path of a development machine', `const EXAMPLES = '${'/'}work/shared/ado-examples';`, 1],
    ['a home folder', `readFileSync("${'/'}home/dev/payload.json")`, 1],
    [
      'a relative path climbing out of the checkout',
      `new URL('${'../'.repeat(5)}shared/x/', import.meta.url)`,
      1,
    ],
    ['a relative path inside the checkout', `import { a } from '../../service/src/main.ts';`, 0],
    ['a path resolved from the file itself', `resolve(fileURLToPath(import.meta.url), '../../..')`, 0],
    ['a system program', `const chrome = '/usr/bin/chromium';`, 0],
  ])('finds %s', (_name, content, expected) => {
    expect(pathsOutsideCheckout(root, 'tests/unit/repository/example.ts', content)).toHaveLength(expected);
  });

  it('no source, test or build file names a path outside the checkout', () => {
    const files = scannedFiles(root);
    expect(files.length).toBeGreaterThan(400);
    const outside = files.flatMap((file) =>
      pathsOutsideCheckout(root, file, readFileSync(join(root, file), 'utf8')),
    );
    expect(outside).toEqual([]);
  });
});
