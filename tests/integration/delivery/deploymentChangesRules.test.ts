import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { consecutiveProductionBuilds } from '../../../service/src/metrics/delivery/linkage.ts';
import {
  DEFAULT_PRODUCTION_RULE,
  selectProductionDeployments,
  type ProductionRule,
} from '../../../service/src/metrics/delivery/production.ts';
import { storedProductionRule } from '../../../service/src/services/delivery/storedProductionRule.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { buildChangesQueryKey } from '../../../service/src/storage/delivery/repository.ts';
import { syncOrganization } from '../../../service/src/sync/syncOrganization.ts';
import { openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

let simulator: RunningSimulator;
let directory: ReturnType<typeof temporaryDirectory>;
let test: TestRepository;

beforeEach(async () => {
  directory = temporaryDirectory('deployment-changes-rules');
  simulator = await startSimulator({ seed: 23, scale: 'tiny', now: new Date('2026-06-01T00:00:00Z') });
  test = await openTestRepository('sqlite', directory.path, 'rules');
});

afterEach(async () => {
  await test.dispose();
  await simulator.close();
  directory.remove();
});

function sync(streams: readonly string[] | 'all' = 'all') {
  return syncOrganization({
    repository: test.repository,
    delivery: test.storage.delivery,
    productionRule: storedProductionRule(test.storage.deliverySettings),
    createConnection: createAdoConnection,
    logger: silentLogger,
    maxPageSize: 50,
    streams,
    target: {
      organization: simulator.organization,
      organizationUrl: simulator.organizationUrl,
      personalAccessToken: simulator.pat,
    },
  });
}

/** The questions the stream must have answered for a project marked by `rule`. */
async function expectedQuestions(rule: ProductionRule): Promise<string[]> {
  const deployments = await test.storage.delivery.listDeployments(simulator.organization);
  const selection = selectProductionDeployments(deployments, {
    default: DEFAULT_PRODUCTION_RULE,
    byProject: new Map([[simulator.project, rule]]),
  });
  if (selection.status !== 'ok') return [];
  return consecutiveProductionBuilds(selection.deployments)
    .map((pair) => buildChangesQueryKey(pair.fromBuildId, pair.toBuildId))
    .sort();
}

describe("changes between production deployments follow each project's own production mark", () => {
  it('asks for the deployments the saved settings mark, not only those matching /prod/i', async () => {
    await sync();
    const answeredByDefault = [
      ...(await test.storage.delivery.answeredBuildChangeQueries(simulator.organization)),
    ];
    expect(answeredByDefault.sort()).toEqual(await expectedQuestions(DEFAULT_PRODUCTION_RULE));
    expect(answeredByDefault.length).toBeGreaterThan(0);

    const deployments = await test.storage.delivery.listDeployments(simulator.organization);
    const otherTarget = deployments
      .map((deployment) => deployment.environmentName ?? deployment.stageName)
      .find((name) => !/prod/i.test(name));
    expect(otherTarget).toBeDefined();
    const escaped = (otherTarget ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const rule: ProductionRule = { environmentNamePattern: `^${escaped}$`, stageNamePattern: `^${escaped}$` };
    await test.storage.deliverySettings.save(simulator.organization, simulator.project, {
      settings: JSON.stringify({
        production: {
          environments: { kind: 'names', names: [otherTarget] },
          stages: { kind: 'names', names: [otherTarget] },
        },
      }),
      updatedAt: new Date().toISOString(),
    });

    await sync(['build.deploymentChanges']);
    const newlyMarked = (await expectedQuestions(rule)).filter((key) => !answeredByDefault.includes(key));
    expect(newlyMarked.length).toBeGreaterThan(0);
    const answered = await test.storage.delivery.answeredBuildChangeQueries(simulator.organization);
    for (const key of newlyMarked) expect(answered.has(key)).toBe(true);
  });
});
