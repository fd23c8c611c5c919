/**
 * The API over a bench store, in a process of its own so the load generator does not share its event
 * loop. Prints `{"port": n}` once listening; exits when its parent closes stdin.
 * Run: node --import tsx bench/api/server.ts <sqlite path>
 */
import { createApp } from '../../service/src/app/createApp.ts';
import { listen, boundPort } from '../../service/src/app/listen.ts';
import { openStorage } from '../../service/src/app/openRepository.ts';
import { createLogger } from '../../service/src/logger.ts';
import { createDeliveryService } from '../../service/src/services/delivery/service.ts';
import { createFlowService } from '../../service/src/services/flow/service.ts';
import { staticOrganizationDirectory } from '../../service/src/services/organizationDirectory.ts';
import { seededAccess } from '../../tests/support/access.ts';
import { BENCH_ORGANIZATION, BENCH_ORGANIZATION_URL, BENCH_SECRET } from './store.ts';

const path = process.argv[2];
if (path === undefined) throw new Error('usage: server.ts <sqlite path>');
const storage = await openStorage({ kind: 'sqlite', path });
const benchOrganization = { name: BENCH_ORGANIZATION, url: BENCH_ORGANIZATION_URL, timeZone: 'Asia/Tokyo' };
const organizations = staticOrganizationDirectory([benchOrganization]);
const app = createApp({
  flowService: createFlowService({
    repository: storage.repository,
    organizations,
    teamSettings: storage.teamSettings,
  }),
  deliveryService: createDeliveryService({
    repository: storage.repository,
    delivery: storage.delivery,
    organizations,
    settings: storage.deliverySettings,
  }),
  extensionSecret: BENCH_SECRET,
  // Requests carry SEEDED_CALLER's token; after the first, the layer answers from its cache.
  access: seededAccess([benchOrganization]),
  logger: createLogger({ level: 'error', write: () => undefined }),
});
const server = await listen(app, 0, '127.0.0.1');
process.stdout.write(`${JSON.stringify({ port: boundPort(server) })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  server.close();
  void storage.close().then(() => process.exit(0));
});
