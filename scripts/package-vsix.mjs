#!/usr/bin/env node
/**
 * Packages the built extension (dist/extension/hubs + static/) into a .vsix with tfx:
 *   node scripts/package-vsix.mjs <dev|release> [--output-path <dir>]
 * The base manifest (vss-extension.json) and every hub's fragment (extension/src/hubs/<hub>/<hub>.json)
 * are merged, then configs/<dev|release>.json overrides them. Prints the .vsix path; exits non-zero on
 * any error. Run `npm run build:extension` first (the npm `package` scripts do).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryDirectory = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const environments = ['dev', 'release'];

function fail(message) {
  console.error(`package-vsix: ${message}`);
  process.exit(1);
}

function parseArguments(argv) {
  const [environment, ...rest] = argv;
  if (!environments.includes(environment)) {
    fail(`usage: package-vsix.mjs <${environments.join('|')}> [--output-path <dir>]`);
  }
  let outputPath = join(repositoryDirectory, 'out');
  for (let index = 0; index < rest.length; index++) {
    if (rest[index] === '--output-path' && rest[index + 1]) {
      outputPath = resolve(rest[index + 1]);
      index++;
    } else {
      fail(`unknown argument "${rest[index]}"`);
    }
  }
  return { environment, outputPath };
}

function checkBuilt() {
  const hubsDirectory = join(repositoryDirectory, 'dist', 'extension', 'hubs');
  const hubs = existsSync(hubsDirectory)
    ? readdirSync(hubsDirectory).filter((name) => name !== 'assets')
    : [];
  if (hubs.length === 0) {
    fail('dist/extension/hubs is empty; run "npm run build:extension" first.');
  }
}

function tfxEntryPoint() {
  const require = createRequire(import.meta.url);
  const packageJsonPath = require.resolve('tfx-cli/package.json');
  const { bin } = require('tfx-cli/package.json');
  const relative = typeof bin === 'string' ? bin : bin.tfx;
  return join(dirname(packageJsonPath), relative);
}

function packageVsix({ environment, outputPath }) {
  checkBuilt();
  if (environment === 'release' && !process.env.VITE_SEIKA_SERVICE_URL) {
    // Packaged hubs are served from the Marketplace CDN, so "same origin" would not reach the service.
    console.error(
      'package-vsix: warning: VITE_SEIKA_SERVICE_URL was not set; unless the hubs were built with it, ' +
        'they will call the Marketplace CDN origin instead of the Seika service.',
    );
  }
  mkdirSync(outputPath, { recursive: true });
  const args = [
    tfxEntryPoint(),
    'extension',
    'create',
    '--root',
    repositoryDirectory,
    '--manifest-globs',
    'vss-extension.json',
    'extension/src/hubs/*/*.json',
    '--overrides-file',
    join('configs', `${environment}.json`),
    '--output-path',
    outputPath,
    '--no-prompt',
    '--no-color',
    '--json',
  ];
  // tfx `extension create` works offline; it only reaches the network for publish/share commands.
  const result = spawnSync(process.execPath, args, {
    cwd: repositoryDirectory,
    encoding: 'utf8',
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
  });
  if (result.error) {
    fail(`could not run tfx: ${result.error.message}`);
  }
  const output = `${result.stdout}`.trim();
  if (result.status !== 0) {
    fail(`tfx failed (exit ${result.status}):\n${output}\n${result.stderr}`);
  }
  let created;
  try {
    // With --json tfx prints one JSON object: { path, extensionId, version, publisher }.
    created = JSON.parse(output.slice(output.indexOf('{')));
  } catch {
    fail(`could not read tfx's output:\n${output}\n${result.stderr}`);
  }
  if (!created?.path || !existsSync(created.path)) {
    fail(`tfx reported no .vsix:\n${output}`);
  }
  if (result.stderr.trim()) {
    console.error(result.stderr.trim());
  }
  console.log(created.path);
}

packageVsix(parseArguments(process.argv.slice(2)));
