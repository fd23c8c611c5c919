import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

/**
 * Packages the built extension exactly as `npm run package[:dev]` does and inspects the .vsix: the merged
 * manifest must declare the Flow hub, and every file the hub loads must be inside the package.
 */

const repositoryRoot = resolve(import.meta.dirname, '../../..');
const runFile = promisify(execFile);
const directory = temporaryDirectory('vsix');

interface Contribution {
  id: string;
  type: string;
  targets: string[];
  properties: {
    name?: string;
    uri?: string;
    catalogIconUrl?: string;
    previewImageUrl?: string;
    supportedSizes?: { rowSpan: number; columnSpan: number }[];
    supportedScopes?: string[];
  };
}

interface VsoManifest {
  contributions: Contribution[];
  scopes: string[];
  baseUri?: string;
}

interface PackagedExtension {
  vsixPath: string;
  zip: JSZip;
  manifest: VsoManifest;
  vsixManifest: string;
}

async function packageExtension(environment: 'dev' | 'release'): Promise<PackagedExtension> {
  const outputPath = posix.join(directory.path, environment);
  const { stdout } = await runFile(
    process.execPath,
    ['scripts/package-vsix.mjs', environment, '--output-path', outputPath],
    { cwd: repositoryRoot },
  );
  const vsixPath = stdout.trim().split('\n').at(-1) ?? '';
  const zip = await JSZip.loadAsync(readFileSync(vsixPath));
  const text = async (name: string): Promise<string> => {
    const entry = zip.file(name);
    if (!entry) {
      throw new Error(`${name} is missing from ${vsixPath}`);
    }
    return entry.async('string');
  };
  return {
    vsixPath,
    zip,
    manifest: JSON.parse(await text('extension.vsomanifest')) as VsoManifest,
    vsixManifest: await text('extension.vsixmanifest'),
  };
}

function flowHub(manifest: VsoManifest): Contribution {
  const hub = manifest.contributions.find(
    (contribution) =>
      contribution.type === 'ms.vss-web.hub' &&
      contribution.targets.includes('ms.vss-work-web.work-hub-group') &&
      contribution.properties.name === 'Flow',
  );
  if (!hub) {
    throw new Error(`No Flow hub in ${JSON.stringify(manifest.contributions)}`);
  }
  return hub;
}

/** Relative references an HTML page loads (scripts, stylesheets, preloads), resolved to package paths. */
function htmlReferences(html: string, htmlPath: string): string[] {
  const references = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g)].map(
    (match) => match[1] ?? '',
  );
  return references
    .filter((reference) => reference !== '' && !/^(?:[a-z]+:|\/\/|#)/i.test(reference))
    .map((reference) => posix.normalize(posix.join(posix.dirname(htmlPath), reference)));
}

/** url(...) references in a stylesheet (fonts, images), resolved to package paths; data: URIs skipped. */
function cssReferences(css: string, cssPath: string): string[] {
  return [...css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)]
    .map((match) => match[1] ?? '')
    .filter((reference) => reference !== '' && !/^(?:data:|[a-z]+:|\/\/|#)/i.test(reference))
    .map((reference) =>
      posix.normalize(posix.join(posix.dirname(cssPath), reference.split(/[?#]/)[0] ?? '')),
    );
}

let dev: PackagedExtension;
let release: PackagedExtension;

beforeAll(async () => {
  if (!existsSync(resolve(repositoryRoot, 'dist/extension/hubs/flow/flow.html'))) {
    throw new Error('dist/extension is not built: run "npm run build:extension" (npm test does) first.');
  }
  [dev, release] = await Promise.all([packageExtension('dev'), packageExtension('release')]);
});

afterAll(() => directory.remove());

describe('packaged .vsix', () => {
  it('names the package after publisher, id and version, per environment', () => {
    expect(posix.basename(dev.vsixPath)).toMatch(/^seika\.seika-dev-\d+\.\d+\.\d+\.vsix$/);
    expect(posix.basename(release.vsixPath)).toMatch(/^seika\.seika-\d+\.\d+\.\d+\.vsix$/);
    expect(dev.vsixManifest).toContain('Id="seika-dev"');
    expect(release.vsixManifest).toContain('Id="seika"');
    expect(release.vsixManifest).toContain(
      '<InstallationTarget Id="Microsoft.VisualStudio.Services.Cloud"/>',
    );
  });

  it('declares the Flow hub in the Boards hub group with the scopes it needs', () => {
    for (const { manifest } of [dev, release]) {
      const hub = flowHub(manifest);
      expect(hub.properties.uri).toMatch(/\.html$/);
      expect(manifest.scopes).toEqual(expect.arrayContaining(['vso.work', 'vso.project']));
    }
  });

  it('serves dev hubs from the local service and release hubs from the package', () => {
    expect(dev.manifest.baseUri).toBe('http://localhost:8080');
    expect(release.manifest.baseUri).toBeUndefined();
  });

  it('contains the hub page and every script, stylesheet and font it loads', async () => {
    const uri = flowHub(release.manifest).properties.uri ?? '';
    const html = await release.zip.file(uri)?.async('string');
    expect(html, `${uri} is not in the package`).toBeDefined();
    const pageReferences = htmlReferences(html ?? '', uri);
    expect(pageReferences.some((path) => path.endsWith('.js'))).toBe(true);
    expect(pageReferences.some((path) => path.endsWith('.css'))).toBe(true);

    const missing: string[] = [];
    for (const path of pageReferences) {
      const file = release.zip.file(path);
      if (!file) {
        missing.push(path);
      } else if (path.endsWith('.css')) {
        for (const asset of cssReferences(await file.async('string'), path)) {
          if (!release.zip.file(asset)) {
            missing.push(asset);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('lists every packaged hub file as addressable, so Azure DevOps will serve it', async () => {
    const uri = flowHub(release.manifest).properties.uri ?? '';
    const html = (await release.zip.file(uri)?.async('string')) ?? '';
    for (const path of [uri, ...htmlReferences(html, uri)]) {
      expect(release.vsixManifest).toContain(`Path="${path}" Addressable="true"`);
    }
  });

  it('carries the Marketplace icon and overview page', () => {
    expect(release.vsixManifest).toContain(
      'Type="Microsoft.VisualStudio.Services.Icons.Default" d:Source="File" Path="static/logo.png"',
    );
    expect(release.vsixManifest).toContain(
      'Type="Microsoft.VisualStudio.Services.Content.Details" d:Source="File" Path="static/overview.md"',
    );
    expect(release.zip.file('static/logo.png')).not.toBeNull();
    expect(release.zip.file('static/overview.md')).not.toBeNull();
  });

  it('declares the Sprint outcomes widget and its configuration, with page, catalog icon and preview image', async () => {
    for (const { manifest, zip, vsixManifest } of [dev, release]) {
      const widget = manifest.contributions.find(
        (contribution) => contribution.type === 'ms.vss-dashboards-web.widget',
      );
      expect(widget?.targets).toEqual([
        'ms.vss-dashboards-web.widget-catalog',
        '.sprint-outcomes-widget-config',
      ]);
      const configuration = manifest.contributions.find(
        (contribution) => contribution.type === 'ms.vss-dashboards-web.widget-configuration',
      );
      expect(configuration?.id).toBe('sprint-outcomes-widget-config');
      expect(configuration?.targets).toEqual(['ms.vss-dashboards-web.widget-configuration']);
      expect(configuration?.properties.uri).toBe(widget?.properties.uri);
      expect(widget?.properties.supportedScopes).toEqual(['project_team']);
      expect(widget?.properties.supportedSizes).toEqual([
        { rowSpan: 2, columnSpan: 2 },
        { rowSpan: 2, columnSpan: 4 },
      ]);
      const { uri = '', catalogIconUrl = '', previewImageUrl = '' } = widget?.properties ?? {};
      for (const path of [uri, catalogIconUrl, previewImageUrl]) {
        expect(zip.file(path), `${path} is not in the package`).not.toBeNull();
        expect(vsixManifest).toContain(`Path="${path}" Addressable="true"`);
      }
      const html = (await zip.file(uri)?.async('string')) ?? '';
      const scripts = htmlReferences(html, uri).filter((path) => path.endsWith('.js'));
      expect(scripts.length).toBeGreaterThan(0);
      for (const path of scripts) expect(zip.file(path), path).not.toBeNull();
    }
  });

  it('does not package the preview host', async () => {
    for (const { zip } of [dev, release]) {
      const names = Object.keys(zip.files);
      expect(names.filter((name) => name.includes('preview-host'))).toEqual([]);
      for (const name of names.filter((entry) => /\.(?:html|js)$/.test(entry))) {
        const content = (await zip.file(name)?.async('string')) ?? '';
        expect(content, name).not.toContain('seika-preview-config');
      }
    }
  });
});
