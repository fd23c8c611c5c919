import { createAdoConnection } from './ado/clients.ts';
import { createApp } from './app/createApp.ts';
import { boundPort, listen } from './app/listen.ts';
import { startDemo } from './app/startDemo.ts';
import { readConfig, requireOrganization, type ServiceConfig } from './config.ts';
import { createLogger, type Logger } from './logger.ts';
import { createFlowService } from './services/flowService.ts';
import { organizationNameFromUrl, staticOrganizationDirectory } from './services/organizationDirectory.ts';
import { openRepository, storageTargetFromEnvironment } from './storage/openRepository.ts';
import { syncOrganization } from './sync/syncOrganization.ts';

const USAGE = `Usage: node dist/service/main.js <command>
  demo    start a simulated organization, sync it, serve the API and the hub preview
  serve   serve the API and sync SEIKA_ORGANIZATION_URL every SEIKA_SYNC_INTERVAL_SECONDS
  sync    run one sync of SEIKA_ORGANIZATION_URL and print the figures`;

async function runDemo(config: ServiceConfig, logger: Logger): Promise<void> {
  const demo = await startDemo({
    port: config.SEIKA_PORT,
    host: config.SEIKA_HOST,
    dataDirectory: config.SEIKA_DATA_DIR,
    seed: config.SEIKA_DEMO_SEED,
    timeZone: config.SEIKA_TIME_ZONE,
    logger,
  });
  const { pages, requests, revisions, seconds } = demo.sync;
  console.log(
    `Synced the demo organization: ${revisions} revisions in ${pages} pages, ${requests} requests, ${seconds.toFixed(2)} s.`,
  );
  console.log(`Simulated Azure DevOps organization: ${demo.organizationUrl}`);
  console.log(`\n  Open Seika: ${demo.url}\n`);
  const stop = (): void => {
    void demo.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function syncTarget(config: ServiceConfig) {
  const { url, pat } = requireOrganization(config);
  return { organization: organizationNameFromUrl(url), organizationUrl: url, personalAccessToken: pat };
}

async function runSync(config: ServiceConfig, logger: Logger): Promise<void> {
  const repository = await openRepository(
    storageTargetFromEnvironment(config.DATABASE_URL, config.SEIKA_DATA_DIR),
  );
  try {
    const report = await syncOrganization({
      repository,
      createConnection: createAdoConnection,
      logger,
      target: syncTarget(config),
    });
    console.log(JSON.stringify(report));
  } finally {
    await repository.close();
  }
}

async function runServe(config: ServiceConfig, logger: Logger): Promise<void> {
  if (config.SEIKA_EXTENSION_SECRET === undefined) {
    throw new Error(
      'Set SEIKA_EXTENSION_SECRET to the extension certificate from the Marketplace manage portal.',
    );
  }
  const target = syncTarget(config);
  const repository = await openRepository(
    storageTargetFromEnvironment(config.DATABASE_URL, config.SEIKA_DATA_DIR),
  );
  const app = createApp({
    flowService: createFlowService({
      repository,
      organizations: staticOrganizationDirectory([
        { name: target.organization, url: target.organizationUrl, timeZone: config.SEIKA_TIME_ZONE },
      ]),
    }),
    extensionSecret: config.SEIKA_EXTENSION_SECRET,
    logger,
  });
  const server = await listen(app, config.SEIKA_PORT, config.SEIKA_HOST);
  logger.info('listening', { port: boundPort(server) });
  // A failed sync is logged and retried at the next interval; the API keeps serving stored data.
  const syncOnce = (): Promise<void> =>
    syncOrganization({ repository, createConnection: createAdoConnection, logger, target }).then(
      () => undefined,
      () => undefined,
    );
  await syncOnce();
  const timer = setInterval(() => void syncOnce(), config.SEIKA_SYNC_INTERVAL_SECONDS * 1000);
  const stop = (): void => {
    clearInterval(timer);
    server.close(() => void repository.close().then(() => process.exit(0)));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
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
    default:
      console.error(USAGE);
      process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
