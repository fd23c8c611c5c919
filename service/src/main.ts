import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createAdoConnection } from './ado/clients.ts';
import { SCOPE_LABELS } from './ado/scopes.ts';
import { startDemo } from './app/startDemo.ts';
import { startService } from './app/startService.ts';
import { readConfig, requireOrganization, type ServiceConfig } from './config.ts';
import { createLogger, type Logger } from './logger.ts';
import { createSecretBox, parseEncryptionKey } from './security/secretBox.ts';
import { organizationNameFromUrl } from './services/organizationDirectory.ts';
import { openStorage, storageTargetFromEnvironment } from './app/openRepository.ts';
import type { StreamStatus } from './storage/tenants.ts';
import { renormaliseFromRaw } from './sync/renormalise.ts';
import { syncOrganization } from './sync/syncOrganization.ts';
import type { SyncSettings } from './sync/syncSettings.ts';
import { storedIncidentRule, storedProductionRule } from './services/delivery/storedProductionRule.ts';

const USAGE = `Usage: node dist/service/main.js <command>
  demo    start a simulated organization, sync it, serve the API and the hub preview
  serve   serve the API, take service hooks and sync every connected organization
  sync    run one sync of SEIKA_ORGANIZATION_URL and print the figures
  resync --from-raw [--organization NAME]
          rebuild normalised records from the stored raw pages, without the network`;

/** Orchestrators kill what has not exited 10 s after SIGTERM; leave before that whatever happens. */
const SHUTDOWN_DEADLINE_MS = 9_000;

function onSignal(stop: () => Promise<void>): void {
  const handler = (): void => {
    // Stopping abandons rate-limit waits and retry back-offs, so this normally ends within a request.
    setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS).unref();
    void stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

function syncSettingsOf(config: ServiceConfig): SyncSettings {
  return {
    metadataRefreshMinutes: config.SEIKA_METADATA_REFRESH_MINUTES,
    deliveryHorizonDays: config.SEIKA_DELIVERY_HORIZON_DAYS,
  };
}

async function runDemo(config: ServiceConfig, logger: Logger): Promise<void> {
  const demo = await startDemo({
    port: config.SEIKA_PORT,
    host: config.SEIKA_HOST,
    dataDirectory: config.SEIKA_DATA_DIR,
    seed: config.SEIKA_DEMO_SEED,
    timeZone: config.SEIKA_TIME_ZONE,
    logger,
    living: true,
  });
  const { pages, requests, seconds, streams } = demo.sync;
  console.log(`Synced the demo organization: ${pages} pages, ${requests} requests, ${seconds.toFixed(2)} s.`);
  for (const stream of streams)
    console.log(`  ${stream.stream}: ${stream.items} items in ${stream.pages} pages`);
  console.log(`Simulated Azure DevOps organization: ${demo.organizationUrl}`);
  console.log(`\n  Open Seika: ${demo.url}\n`);
  onSignal(() => demo.close());
}

/** One line per update on stderr, overwritten in a terminal: the CLI's progress bar. */
function printProgress(status: StreamStatus): void {
  const percent = status.progress === null ? '  ?%' : `${Math.round(status.progress * 100)}%`.padStart(4);
  const eta = status.estimatedSecondsLeft === null ? '' : `, ~${status.estimatedSecondsLeft}s left`;
  const line = `${status.stream}: ${status.phase} ${percent} ${status.pages} pages, ${status.items} items${eta}`;
  process.stderr.write(process.stderr.isTTY ? `\r${line.padEnd(100)}` : `${line}\n`);
}

async function runSync(config: ServiceConfig, logger: Logger): Promise<void> {
  const { url, pat } = requireOrganization(config);
  const storage = await openStorage(storageTargetFromEnvironment(config.DATABASE_URL, config.SEIKA_DATA_DIR));
  try {
    const report = await syncOrganization({
      repository: storage.repository,
      delivery: storage.delivery,
      productionRule: storedProductionRule(storage.deliverySettings),
      incidentRule: storedIncidentRule(storage.deliverySettings),
      createConnection: createAdoConnection,
      logger,
      onStatus: printProgress,
      ...(config.SEIKA_SYNC_PAGE_SIZE === undefined ? {} : { maxPageSize: config.SEIKA_SYNC_PAGE_SIZE }),
      settings: syncSettingsOf(config),
      target: { organization: organizationNameFromUrl(url), organizationUrl: url, personalAccessToken: pat },
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    for (const stream of report.streams) {
      if (stream.needsScope !== undefined)
        console.error(
          `${stream.stream}: skipped, the PAT lacks ${SCOPE_LABELS[stream.needsScope]} (${stream.needsScope})`,
        );
    }
    console.log(JSON.stringify(report));
  } finally {
    await storage.close();
  }
}

async function runResync(config: ServiceConfig, logger: Logger, args: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...args],
    options: { 'from-raw': { type: 'boolean', default: false }, organization: { type: 'string' } },
  });
  if (!values['from-raw']) throw new Error('resync needs --from-raw (the only source it re-reads).');
  const storage = await openStorage(storageTargetFromEnvironment(config.DATABASE_URL, config.SEIKA_DATA_DIR));
  const { repository, delivery } = storage;
  try {
    const organizations =
      values.organization === undefined
        ? await repository.organizationsWithRawPages()
        : [values.organization.toLowerCase()];
    if (organizations.length === 0) throw new Error('No raw pages are stored yet: run a sync first.');
    for (const organization of organizations) {
      console.log(JSON.stringify(await renormaliseFromRaw({ repository, delivery, organization, logger })));
    }
  } finally {
    await storage.close();
  }
}

async function runServe(config: ServiceConfig, logger: Logger): Promise<void> {
  if (config.SEIKA_EXTENSION_SECRET === undefined) {
    throw new Error(
      'Set SEIKA_EXTENSION_SECRET to the extension certificate from the Marketplace manage portal.',
    );
  }
  if (config.SEIKA_ENCRYPTION_KEY === undefined) {
    throw new Error('Set SEIKA_ENCRYPTION_KEY (32 random bytes, base64) to seal credentials at rest.');
  }
  const service = await startService({
    storage: storageTargetFromEnvironment(config.DATABASE_URL, config.SEIKA_DATA_DIR),
    secrets: createSecretBox(parseEncryptionKey(config.SEIKA_ENCRYPTION_KEY)),
    extensionSecret: config.SEIKA_EXTENSION_SECRET,
    createConnection: createAdoConnection,
    logger,
    port: config.SEIKA_PORT,
    host: config.SEIKA_HOST,
    defaultTimeZone: config.SEIKA_TIME_ZONE,
    syncIntervalMs: config.SEIKA_SYNC_INTERVAL_SECONDS * 1000,
    publicUrl: config.SEIKA_PUBLIC_URL,
    // As documented: service hooks only with SEIKA_PUBLIC_URL (Azure DevOps cannot reach the listening address).
    hooksToListeningAddress: false,
    runWorker: config.SEIKA_WORKER === 'on',
    leaseMs: config.SEIKA_LEASE_SECONDS * 1000,
    pollMs: config.SEIKA_WORKER_POLL_MS,
    maxPageSize: config.SEIKA_SYNC_PAGE_SIZE,
    syncSettings: syncSettingsOf(config),
    hubFilesDirectory: resolve('dist/extension/hubs'),
    allowedOrganizationOrigins: config.SEIKA_ALLOWED_ORGANIZATION_ORIGINS,
    auditRetentionMs: config.SEIKA_AUDIT_RETENTION_DAYS * 86_400_000,
  });
  // Convenience for a single organization: connect the configured one at start (idempotent).
  if (config.SEIKA_ORGANIZATION_URL !== undefined && config.SEIKA_PAT !== undefined) {
    await service.organizations.connectAsOperator({
      organizationUrl: config.SEIKA_ORGANIZATION_URL,
      personalAccessToken: config.SEIKA_PAT,
      subscribeToEvents: config.SEIKA_PUBLIC_URL !== undefined,
    });
  }
  logger.info('listening', { url: service.url, worker: service.worker?.owner ?? 'off' });
  onSignal(() => service.close());
}

async function main(): Promise<void> {
  const command = process.argv[2];
  const config = readConfig();
  const logger = createLogger({ level: config.SEIKA_LOG_LEVEL });
  switch (command) {
    case 'demo':
      return runDemo(config, logger);
    case 'serve':
      return runServe(config, logger);
    case 'sync':
      return runSync(config, logger);
    case 'resync':
      return runResync(config, logger, process.argv.slice(3));
    default:
      console.error(USAGE);
      process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
