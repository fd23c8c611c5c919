/**
 * Delivery settings against the whole service (worker, job queue, stream status) on a synced simulator
 * organization, on both databases: the preview of a draft production rule, and the recomputation a changed
 * mark starts at once, with answers pending (and ETags distinct) until it has run.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import { openStorage } from '../../../service/src/app/openRepository.ts';
import {
  deliveryDeploymentsResponseSchema,
  deliveryLeadTimeResponseSchema,
  deliverySettingsPreviewResponseSchema,
  deliverySettingsResponseSchema,
  deliverySummaryResponseSchema,
  type ProjectDeliverySettingsInput,
} from '../../../service/src/contract/index.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import {
  selectProductionDeployments,
  targetNameOf,
  type ProductionRule,
} from '../../../service/src/metrics/delivery/index.ts';
import { createDeliveryService } from '../../../service/src/services/delivery/service.ts';
import { storedProductionRule } from '../../../service/src/services/delivery/storedProductionRule.ts';
import { staticOrganizationDirectory } from '../../../service/src/services/organizationDirectory.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { DEPLOYMENT_CHANGES_STREAM } from '../../../service/src/sync/collect/delivery/deploymentChanges.ts';
import { syncOrganization } from '../../../service/src/sync/syncOrganization.ts';
import { simulatorMember } from '../../support/access.ts';
import { BACKENDS, openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import {
  appToken,
  eventually,
  simulatorOwner,
  startTestService,
  type TestService,
} from '../../support/startTestService.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

const RANGE = 'from=2025-12-01&to=2026-05-31';
const QUERY = { from: '2025-12-01', to: '2026-05-31' };

describe.each(BACKENDS)('delivery settings preview and recomputation (%s)', (backend) => {
  let simulator: RunningSimulator;
  let directory: ReturnType<typeof temporaryDirectory>;
  let database: TestRepository;
  let test: TestService;
  let base: string;

  beforeAll(async () => {
    directory = temporaryDirectory(`settings-recompute-${backend}`);
    simulator = await startSimulator({ seed: 23, scale: 'tiny', now: new Date('2026-06-01T00:00:00Z') });
    database = await openTestRepository(backend, directory.path, 'service');
    // The service opens its own storage on the same database.
    await database.storage.close();
    test = await startTestService(database.target, { maxPageSize: 50, simulator });
    const connected = await test.api('/organizations', {
      method: 'POST',
      body: {
        organizationUrl: simulator.organizationUrl,
        personalAccessToken: simulator.pat,
        subscribeToEvents: false,
      },
    });
    expect(connected.status, JSON.stringify(connected.body)).toBe(201);
    await eventually(
      'the first sync',
      async () => {
        const job = await test.service.storage.jobs.describe(simulator.organization);
        return job?.lastFinishedAt === null || job?.lastFinishedAt === undefined ? undefined : job;
      },
      60_000,
    );
    base = `/organizations/${simulator.organization}/projects/${encodeURIComponent(simulator.project)}/delivery`;
  }, 120_000);

  afterAll(async () => {
    await test?.service.close();
    await simulator?.close();
    await database?.dispose().catch(() => undefined);
    directory?.remove();
  });

  /** GET with the owner's tokens, keeping the ETag. */
  async function get(path: string): Promise<{ status: number; body: unknown; etag: string | null }> {
    const owner = simulatorOwner(simulator);
    const response = await fetch(`${test.service.url}/api/v1${path}`, {
      headers: {
        authorization: `Bearer ${await appToken(owner.userId)}`,
        'x-seika-user-token': owner.userToken,
      },
    });
    return { status: response.status, body: await response.json(), etag: response.headers.get('etag') };
  }

  async function deployments() {
    return test.service.storage.delivery.listDeployments(simulator.organization, [simulator.project]);
  }

  /** A target the default mark (/prod/i) leaves out, with the most deployments. */
  async function otherTarget(): Promise<string> {
    const counts = new Map<string, number>();
    for (const deployment of await deployments()) {
      const name = targetNameOf(deployment);
      if (!/prod/i.test(name)) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const [name] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
    if (name === undefined) throw new Error('the simulated project deploys only to production');
    return name;
  }

  it('previews what a draft selects from the stored deployments, stores nothing, and refuses a bad draft', async () => {
    const target = await otherTarget();
    const draft: ProjectDeliverySettingsInput = {
      production: {
        environments: { kind: 'names', names: [target] },
        stages: { kind: 'names', names: [target] },
      },
    };
    const reader = simulatorMember(simulator, 'reader');
    const answer = await test.api(`${base}/settings/preview`, {
      method: 'POST',
      body: draft,
      as: { ...reader, organization: simulator.organization },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const preview = deliverySettingsPreviewResponseSchema.parse(answer.body);

    const records = await deployments();
    const selected = (rule: ProductionRule) => {
      const selection = selectProductionDeployments(records, { default: rule });
      return selection.status === 'ok' ? selection.deployments : [];
    };
    const draftSelection = selected({
      environmentNamePattern: preview.production.environmentPattern,
      stageNamePattern: preview.production.stagePattern,
    });
    expect(preview.saved).toEqual({ environmentPattern: 'prod', stagePattern: 'prod' });
    // The names match case-insensitively: an environment and a stage may share the name.
    const draftTargets = new Set(draftSelection.map((d) => `${d.source}:${targetNameOf(d)}`));
    expect(preview.matched.items.map((item) => item.name.toLowerCase())).toEqual(
      [...draftTargets].map(() => target.toLowerCase()),
    );
    expect(preview.draftSelects).toEqual({
      targets: draftTargets.size,
      deployments: draftSelection.length,
      successful: draftSelection.filter((d) => ['succeeded', 'succeededWithIssues'].includes(d.outcome))
        .length,
    });
    expect(preview.savedSelects.deployments).toBe(
      selected({ environmentNamePattern: 'prod', stageNamePattern: 'prod' }).length,
    );
    expect(preview.changes.added.total).toBe(draftTargets.size);
    expect(preview.changes.removed.total).toBe(preview.savedSelects.targets);
    expect(preview.productionChanges).toBe(true);
    const newest = [...draftSelection].sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0))[0];
    expect(preview.matched.items[0]?.recent[0]?.id).toBe(newest?.id);
    // Every target the engine considers (stage records of pipelines with environments are not).
    const considered = selected({ environmentNamePattern: '', stageNamePattern: '' });
    expect(preview.matched.total + preview.unmatched.total).toBe(
      new Set(considered.map((d) => `${d.source}:${targetNameOf(d)}`)).size,
    );

    const settings = deliverySettingsResponseSchema.parse((await get(`${base}/settings`)).body);
    expect(settings.isDefault).toBe(true);

    const refused = await test.api(`${base}/settings/preview`, {
      method: 'POST',
      body: { production: { environments: { kind: 'pattern', pattern: '(' } } },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      error: { code: 'invalid_parameter', parameter: 'production.environments.pattern' },
    });
  });

  it('asks for the recomputation when the mark changes, answers pending until it has run, then the new mark’s lead time', async () => {
    const target = await otherTarget();
    const before = await get(`${base}/summary?${RANGE}`);
    expect(deliverySummaryResponseSchema.parse(before.body).pending).toBeNull();

    // Hold the worker so the pending state can be observed before the run it asked for.
    const worker = test.service.worker;
    if (worker === undefined) throw new Error('the test service runs no worker');
    await worker.stop();
    const settings: ProjectDeliverySettingsInput = {
      production: {
        environments: { kind: 'names', names: [target] },
        stages: { kind: 'names', names: [target] },
      },
    };
    const saved = await test.api(`${base}/settings`, { method: 'PUT', body: settings });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const updatedAt = deliverySettingsResponseSchema.parse(saved.body).updatedAt;

    const job = await test.service.storage.jobs.describe(simulator.organization);
    expect(job?.requestedStreams).toContain(DEPLOYMENT_CHANGES_STREAM);
    expect(job?.dueAt).toBeLessThanOrEqual(Date.now());

    const pendingSummary = await get(`${base}/summary?${RANGE}`);
    const pending = deliverySummaryResponseSchema.parse(pendingSummary.body).pending;
    expect(pending).toEqual({ since: updatedAt, reason: 'productionRuleChanged' });
    expect(pendingSummary.etag).not.toBe(before.etag);
    const pendingLeadTime = deliveryLeadTimeResponseSchema.parse(
      (await get(`${base}/lead-time?${RANGE}`)).body,
    );
    expect(pendingLeadTime.pending).toEqual(pending);
    expect(
      deliveryDeploymentsResponseSchema.parse((await get(`${base}/deployments?${RANGE}&limit=5`)).body)
        .pending,
    ).toEqual(pending);
    // Saving again without changing the mark keeps the change it still waits for.
    const again = await test.api(`${base}/settings`, {
      method: 'PUT',
      body: { ...settings, incidents: { workItemTypes: ['Bug'], tag: 'incident' } },
    });
    expect(again.status).toBe(200);
    expect(deliverySummaryResponseSchema.parse((await get(`${base}/summary?${RANGE}`)).body).pending).toEqual(
      pending,
    );

    worker.start();
    const settled = await eventually('the recomputation', async () => {
      const answer = await get(`${base}/lead-time?${RANGE}`);
      const parsed = deliveryLeadTimeResponseSchema.parse(answer.body);
      return parsed.pending === null ? { parsed, etag: answer.etag } : undefined;
    });
    expect(settled.etag).not.toBe(pendingSummary.etag);
    expect(settled.parsed.production.environmentPattern).not.toBe('prod');
    const statuses = await test.service.storage.streamStatus.list(simulator.organization);
    const stream = statuses.find((status) => status.stream === DEPLOYMENT_CHANGES_STREAM);
    expect(stream?.phase).toBe('done');
    expect(stream?.startedAt ?? 0).toBeGreaterThanOrEqual(Date.parse(updatedAt ?? ''));
    // A later run of the stream under way does not make the settled change pending again.
    if (stream === undefined) throw new Error('no status of the deployment-changes stream');
    await test.service.storage.streamStatus.save({
      ...stream,
      phase: 'collecting',
      startedAt: Date.now(),
      updatedAt: Date.now(),
    });
    expect(
      deliverySummaryResponseSchema.parse((await get(`${base}/summary?${RANGE}`)).body).pending,
    ).toBeNull();

    // The reference: a database synced from scratch with the new mark saved before its first sync.
    const reference = await openStorage({ kind: 'sqlite', path: join(directory.path, 'reference.sqlite') });
    try {
      const stored = await test.service.storage.deliverySettings.get(
        simulator.organization,
        simulator.project,
      );
      if (stored === undefined) throw new Error('the settings were not stored');
      await reference.deliverySettings.save(simulator.organization, simulator.project, stored);
      await syncOrganization({
        repository: reference.repository,
        delivery: reference.delivery,
        productionRule: storedProductionRule(reference.deliverySettings),
        createConnection: createAdoConnection,
        logger: silentLogger,
        maxPageSize: 50,
        target: {
          organization: simulator.organization,
          organizationUrl: simulator.organizationUrl,
          personalAccessToken: simulator.pat,
        },
      });
      const session = await createDeliveryService({
        repository: reference.repository,
        delivery: reference.delivery,
        organizations: staticOrganizationDirectory([
          { name: simulator.organization, url: simulator.organizationUrl, timeZone: 'Asia/Tokyo' },
        ]),
        settings: reference.deliverySettings,
      }).open({ organization: simulator.organization, project: simulator.project });
      const expected = await session.leadTime(QUERY);
      expect(settled.parsed.leadTimeForChanges).toEqual(expected.leadTimeForChanges);
      expect(expected.leadTimeForChanges.status).toBe('ok');
      // Before the recomputation, the changes of the newly marked deployments were not all known.
      expect(pendingLeadTime.leadTimeForChanges).not.toEqual(expected.leadTimeForChanges);
    } finally {
      await reference.close();
    }
  }, 120_000);

  it('a reset that changes the mark is pending too, answered as the defaults, until its run has completed', async () => {
    // Runs after the test above, which left a changed mark saved and settled.
    const worker = test.service.worker;
    if (worker === undefined) throw new Error('the test service runs no worker');
    const before = deliverySettingsResponseSchema.parse((await get(`${base}/settings`)).body);
    expect(before.isDefault).toBe(false);
    await worker.stop();
    const reset = await test.api(`${base}/settings`, { method: 'DELETE' });
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    const answer = deliverySettingsResponseSchema.parse(reset.body);
    expect(answer.isDefault).toBe(true);
    expect(answer.production.environmentPattern).toBe('prod');
    const job = await test.service.storage.jobs.describe(simulator.organization);
    expect(job?.requestedStreams).toContain(DEPLOYMENT_CHANGES_STREAM);
    const pending = deliverySummaryResponseSchema.parse((await get(`${base}/summary?${RANGE}`)).body).pending;
    expect(pending).toEqual({ since: answer.updatedAt, reason: 'productionRuleChanged' });

    worker.start();
    await eventually('the recomputation after the reset', async () => {
      const summary = deliverySummaryResponseSchema.parse((await get(`${base}/summary?${RANGE}`)).body);
      return summary.pending === null ? summary : undefined;
    });
    // A second reset changes nothing: still the defaults, and the settled change stays settled.
    const again = await test.api(`${base}/settings`, { method: 'DELETE' });
    expect(deliverySettingsResponseSchema.parse(again.body).isDefault).toBe(true);
    expect(
      deliverySummaryResponseSchema.parse((await get(`${base}/summary?${RANGE}`)).body).pending,
    ).toBeNull();
  }, 120_000);
});
