import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { createLogger, defineConfig, type Plugin } from 'vite';

/**
 * Builds every hub (one folder under src/hubs = one HTML entry; a dashboard widget is one too) plus the
 * preview host page.
 * Hub output (html + assets) lives under dist/extension/hubs/ and is what the .vsix packages;
 * the preview host lives under dist/extension/preview-host/ and is served only by the service.
 */
const extensionDirectory = dirname(fileURLToPath(import.meta.url));
const repositoryDirectory = resolve(extensionDirectory, '..');
const sourceDirectory = join(extensionDirectory, 'src');
const hubsDirectory = join(sourceDirectory, 'hubs');
const outputDirectory = resolve(extensionDirectory, '../dist/extension');
const previewHostEntry = 'preview-host';

interface HubEntry {
  /** Folder name, e.g. "flow". */
  name: string;
  html: string;
  manifestFragment: string;
}

function discoverHubs(): HubEntry[] {
  return readdirSync(hubsDirectory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({
      name: entry.name,
      html: join(hubsDirectory, entry.name, `${entry.name}.html`),
      manifestFragment: join(hubsDirectory, entry.name, `${entry.name}.json`),
    }))
    .filter((hub) => existsSync(hub.html) && existsSync(hub.manifestFragment));
}

interface HubContributionFragment {
  contributions?: {
    id?: string;
    type?: string;
    targets?: string[];
    properties?: { name?: string; uri?: string; supportedSizes?: { rowSpan: number; columnSpan: number }[] };
  }[];
}

interface ManifestIdentity {
  publisher?: string;
  id?: string;
  version?: string;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/**
 * The preview host lists hubs from their manifest fragments (so the preview exercises the real `uri`s)
 * and presents the extension under its dev identity (vss-extension.json + configs/dev.json).
 */
function previewExtensionListingPlugin(hubs: HubEntry[]): Plugin {
  return {
    name: 'seika-preview-extension-listing',
    generateBundle() {
      const manifest = {
        ...readJson<ManifestIdentity>(join(repositoryDirectory, 'vss-extension.json')),
        ...readJson<ManifestIdentity>(join(repositoryDirectory, 'configs', 'dev.json')),
      };
      const listing = {
        publisherId: manifest.publisher ?? 'seika',
        extensionId: manifest.id ?? 'seika-dev',
        version: manifest.version ?? '0.0.0',
        hubs: hubs.flatMap((hub) =>
          (readJson<HubContributionFragment>(hub.manifestFragment).contributions ?? [])
            // Hubs and tabs (a Sprints-page tab is previewed like a hub, with the sprint in its configuration),
            // and dashboard widgets, which the preview shows in a dashboard cell of one of their sizes.
            .filter(
              (contribution) =>
                contribution.type === 'ms.vss-web.hub' ||
                contribution.type === 'ms.vss-web.tab' ||
                contribution.type === 'ms.vss-dashboards-web.widget',
            )
            .map((contribution) => ({
              id: contribution.id ?? hub.name,
              name: contribution.properties?.name ?? hub.name,
              uri: contribution.properties?.uri ?? '',
              targets: contribution.targets ?? [],
              ...(contribution.type === 'ms.vss-dashboards-web.widget'
                ? {
                    widgetSizes: contribution.properties?.supportedSizes ?? [],
                    ...widgetConfigurationOf(contribution, hub),
                  }
                : {}),
            })),
        ),
      };
      this.emitFile({
        type: 'asset',
        fileName: `${previewHostEntry}/extension.json`,
        source: JSON.stringify(listing, null, 2),
      });
    },
  };
}

/** A widget's configuration contribution: the one of its fragment its targets name as `.<id>`. */
function widgetConfigurationOf(
  widget: NonNullable<HubContributionFragment['contributions']>[number],
  hub: HubEntry,
): { configuration?: { id: string; uri: string } } {
  const configuration = (readJson<HubContributionFragment>(hub.manifestFragment).contributions ?? []).find(
    (candidate) =>
      candidate.type === 'ms.vss-dashboards-web.widget-configuration' &&
      (widget.targets ?? []).includes(`.${candidate.id ?? ''}`),
  );
  return configuration?.id === undefined
    ? {}
    : { configuration: { id: configuration.id, uri: configuration.properties?.uri ?? '' } };
}

function belongsToPreviewHost(moduleIds: readonly string[]): boolean {
  const previewSource = join(sourceDirectory, previewHostEntry);
  return moduleIds.length > 0 && moduleIds.every((id) => id.startsWith(previewSource));
}

const hubs = discoverHubs();

/** Rules LightningCSS drops from azure-devops-ui's CSS (IE hacks, malformed icon selectors): known noise. */
const knownAzureDevOpsUiCssNoise = [
  '[lightningcss minify] Invalid media query',
  "[lightningcss minify] Pseudo-elements like '::before' or '::after' can't be followed by selectors",
  '[lightningcss minify] Invalid state',
];
const logger = createLogger();
const warn = logger.warn.bind(logger);
logger.warn = (message, options) => {
  if (!knownAzureDevOpsUiCssNoise.some((noise) => message.includes(noise))) {
    warn(message, options);
  }
};

export default defineConfig({
  root: sourceDirectory,
  base: './',
  envDir: extensionDirectory,
  customLogger: logger,
  plugins: [react(), previewExtensionListingPlugin(hubs)],
  // azure-devops-ui's CSS carries IE-only "@media (min-width: 0\\0)" hacks that LightningCSS rejects;
  // recovering drops those rules, which modern browsers ignore anyway.
  css: { lightningcss: { errorRecovery: true } },
  resolve: {
    // Exactly one SDK copy per frame: the SDK refuses to load twice ("already loaded").
    alias: {
      'azure-devops-extension-sdk': resolve(
        extensionDirectory,
        '../node_modules/azure-devops-extension-sdk/esm/SDK.js',
      ),
    },
  },
  build: {
    outDir: outputDirectory,
    emptyOutDir: true,
    target: 'es2022',
    // Hubs run in evergreen browsers; no polyfill chunk shared between hubs and the preview host.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1024,
    rolldownOptions: {
      input: {
        ...Object.fromEntries(hubs.map((hub) => [`hubs/${hub.name}`, hub.html])),
        [previewHostEntry]: join(sourceDirectory, previewHostEntry, `${previewHostEntry}.html`),
      },
      output: {
        // Entry names are "hubs/<hub>" or "preview-host"; keep only the last segment in file names.
        entryFileNames: (chunk) =>
          chunk.name === previewHostEntry
            ? `${previewHostEntry}/assets/${previewHostEntry}-[hash].js`
            : `hubs/assets/${chunk.name.replace(/^hubs\//, '')}-[hash].js`,
        chunkFileNames: (chunk) =>
          belongsToPreviewHost(chunk.moduleIds)
            ? `${previewHostEntry}/assets/[name]-[hash].js`
            : 'hubs/assets/[name]-[hash].js',
        assetFileNames: (asset) =>
          asset.names.some((name) => name.startsWith(previewHostEntry)) ||
          asset.originalFileNames.some((name) => name.startsWith(`${previewHostEntry}/`))
            ? `${previewHostEntry}/assets/[name]-[hash][extname]`
            : 'hubs/assets/[name]-[hash][extname]',
      },
    },
  },
});
