/**
 * Per-project delivery settings over HTTP: defaults, round trip, validation naming the field, and what
 * each setting changes in the figures (production mark, incident rule, link tags, zone).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deliveryIncidentsResponseSchema,
  deliverySettingsResponseSchema,
  deliverySummaryResponseSchema,
  reworkRateResponseSchema,
  type ReworkRateResponse,
} from '../../../service/src/contract/index.ts';
import { startSeededDeliveryApi, type DeliveryApi } from './server.ts';
import { EMPTY, seedDeliveryDataSet, SHOP, TEAM_MAPPING, WINDOW } from './seed.ts';

let api: DeliveryApi;

beforeAll(async () => {
  api = await startSeededDeliveryApi(seedDeliveryDataSet);
});

afterAll(async () => {
  await api.close();
});

async function settings() {
  const { status, body } = await api.json(api.settingsUrl(SHOP));
  expect(status, JSON.stringify(body)).toBe(200);
  return deliverySettingsResponseSchema.parse(body);
}

async function summary(query = WINDOW, team?: string) {
  const { status, body } = await api.json(api.deliveryUrl(SHOP, 'summary', query, team));
  expect(status, JSON.stringify(body)).toBe(200);
  return deliverySummaryResponseSchema.parse(body);
}

/** Every rework link of the answer, without its URL. */
function reworkLinks(answer: ReworkRateResponse) {
  if (answer.reworkRate.status !== 'ok') return [];
  return answer.reworkRate.deployments.flatMap((deployment) =>
    deployment.evidence.map(({ changeId, workItemId, linkedTo }) => ({ changeId, workItemId, linkedTo })),
  );
}

async function refused(
  body: unknown,
): Promise<{ code: string; parameter: string | undefined; message: string }> {
  const answer = await api.putSettings(SHOP, body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(400);
  const { error } = answer.body as { error: { code: string; parameter?: string; message: string } };
  return { code: error.code, parameter: error.parameter, message: error.message };
}

describe('delivery settings', () => {
  it('GET answers the defaults and what the settings may name', async () => {
    const answer = await settings();
    expect(answer).toMatchObject({
      organization: 'contoso',
      project: SHOP,
      isDefault: true,
      updatedAt: null,
      effectiveTimeZone: 'UTC',
      production: { environmentPattern: 'prod', stagePattern: 'prod' },
      settings: {
        timeZone: null,
        production: {
          environments: { kind: 'pattern', pattern: 'prod' },
          stages: { kind: 'pattern', pattern: 'prod' },
        },
        incidents: { workItemTypes: ['Bug'], tag: 'incident', linkTagPrefix: 'deployment:' },
        bugWorkItemTypes: ['Bug'],
        teams: [],
      },
    });
    expect(answer.options).toEqual({
      pipelines: [
        { kind: 'build', definitionId: 10, name: 'checkout-ci' },
        { kind: 'release', definitionId: 20, name: 'Search Release' },
      ],
      targets: [
        { name: 'dev', kind: 'environment', production: false },
        { name: 'production', kind: 'environment', production: true },
        { name: 'Prod', kind: 'releaseEnvironment', production: true },
        { name: 'QA', kind: 'releaseEnvironment', production: false },
      ],
      repositories: ['repo-checkout', 'repo-search'],
    });
  });

  it('PUT stores every field, GET answers it back, DELETE restores the defaults', async () => {
    const full = {
      timeZone: 'Asia/Tokyo',
      production: {
        environments: { kind: 'names', names: ['production', 'Prod'] },
        stages: { kind: 'pattern', pattern: '^deploy-?prod' },
      },
      incidents: { workItemTypes: ['Bug', 'Incident'], tag: 'sev1', linkTagPrefix: 'caused-by:' },
      bugWorkItemTypes: ['Bug', 'Defect'],
      teams: TEAM_MAPPING.map((mapping) => ({
        buildDefinitionIds: [],
        releaseDefinitionIds: [],
        ...mapping,
      })),
    };
    const put = await api.putSettings(SHOP, full);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const answer = await settings();
    expect(answer.settings).toEqual(full);
    expect(answer.isDefault).toBe(false);
    expect(answer.updatedAt).not.toBeNull();
    expect(answer.effectiveTimeZone).toBe('Asia/Tokyo');
    expect(answer.production).toEqual({
      environmentPattern: '^(?:production|Prod)$',
      stagePattern: '^deploy-?prod',
    });

    const reset = await api.json(api.settingsUrl(SHOP), { method: 'DELETE' });
    expect(reset.status).toBe(200);
    expect(deliverySettingsResponseSchema.parse(reset.body).isDefault).toBe(true);
    expect((await settings()).settings.teams).toEqual([]);
  });

  it('refuses what it cannot use, naming the field', async () => {
    expect(await refused({ production: { environments: { kind: 'pattern', pattern: 'prod(' } } })).toEqual({
      code: 'invalid_parameter',
      parameter: 'production.environments.pattern',
      message: expect.stringMatching(
        /^Body field "production\.environments\.pattern" is not a valid regular expression/,
      ),
    });
    expect((await refused({ production: { stages: { kind: 'names', names: [] } } })).parameter).toBe(
      'production.stages.names',
    );
    expect((await refused({ production: { stages: { kind: 'glob', pattern: '*' } } })).parameter).toBe(
      'production.stages.kind',
    );
    expect((await refused({ incidents: { workItemTypes: [] } })).parameter).toBe('incidents.workItemTypes');
    expect((await refused({ timeZone: 'Mars/Olympus' })).parameter).toBe('timeZone');
    expect((await refused({ teams: [{ team: 'Checkout', buildDefinitionIds: [0] }] })).parameter).toBe(
      'teams.0.buildDefinitionIds.0',
    );
    expect((await refused({ teams: [{ team: 'Checkout' }, { team: 'CHECKOUT' }] })).parameter).toBe(
      'teams.1.team',
    );
    expect(await refused({ teams: [{ team: 'Checkout' }, { team: 'Payments' }] })).toEqual({
      code: 'invalid_parameter',
      parameter: 'teams.1.team',
      message: expect.stringContaining('names team "Payments"'),
    });
    expect((await refused({ productionEnvironments: 'prod' })).parameter).toBe('productionEnvironments');
    const notObject = await api.putSettings(SHOP, ['prod']);
    expect(notObject.status).toBe(400);
    expect((await settings()).isDefault).toBe(true);
    const unknownProject = await api.json(api.settingsUrl('Nowhere'));
    expect(unknownProject.status).toBe(404);
  });

  it('production as a list of names picks exactly those environments and stages', async () => {
    expect(
      (await api.putSettings(SHOP, { production: { environments: { kind: 'names', names: ['DEV'] } } }))
        .status,
    ).toBe(200);
    const answer = await summary();
    expect(answer.production.environmentPattern).toBe('^(?:DEV)$');
    expect(answer.window.deploymentFrequency).toMatchObject({ status: 'ok', successfulDeployments: 1 });
    expect(
      (
        await api.putSettings(SHOP, {
          production: { environments: { kind: 'pattern', pattern: 'nothing-here' } },
        })
      ).status,
    ).toBe(200);
    expect((await summary()).deploymentData).toMatchObject({
      status: 'noProductionEnvironment',
      targetNamesSeen: ['Prod', 'QA', 'dev', 'production'],
    });
    await api.json(api.settingsUrl(SHOP), { method: 'DELETE' });
  });

  it('the incident rule and the link tag prefix decide incidents and their attribution', async () => {
    // Every Bug is an incident: Bug 9 (created before any deployment) joins, unattributed.
    expect((await api.putSettings(SHOP, { incidents: { tag: null } })).status).toBe(200);
    const everyBug = await summary('from=2026-05-01&to=2026-05-17');
    expect(everyBug.window.incidents).toEqual({ created: 4, attributed: 3, unattributed: 1 });
    expect(everyBug.window.timeToRestore).toMatchObject({ status: 'ok', restoredIncidents: 3 });
    const rework = reworkRateResponseSchema.parse(
      (await api.json(api.deliveryUrl(SHOP, 'rework-rate', WINDOW))).body,
    );
    expect(reworkLinks(rework)).toContainEqual({
      changeId: 'pr:repo-checkout:3',
      workItemId: 9,
      linkedTo: 'incident',
    });

    // Another prefix: incident 52's tag no longer names a deployment, so time decides (D5, 05-12 10:00).
    expect((await api.putSettings(SHOP, { incidents: { linkTagPrefix: 'caused-by:' } })).status).toBe(200);
    const { body } = await api.json(api.deliveryUrl(SHOP, 'incidents', WINDOW));
    const incidents = deliveryIncidentsResponseSchema.parse(body).items;
    expect(incidents.find((incident) => incident.workItemId === 52)).toMatchObject({
      via: 'lastBefore',
      deploymentId: 'environment:104',
    });
    await api.json(api.settingsUrl(SHOP), { method: 'DELETE' });
  });

  it("the project's time zone is the default of every answer; the query overrides it", async () => {
    expect((await api.putSettings(SHOP, { timeZone: 'Asia/Tokyo' })).status).toBe(200);
    expect((await summary()).timeZone).toBe('Asia/Tokyo');
    expect((await summary(`${WINDOW}&timeZone=UTC`)).timeZone).toBe('UTC');
    await api.json(api.settingsUrl(SHOP), { method: 'DELETE' });
    expect((await summary()).timeZone).toBe('UTC');
  });

  it('a mapped team is only refused for the part of its mapping that is missing', async () => {
    expect((await api.putSettings(SHOP, { teams: [{ team: 'Ops', buildDefinitionIds: [10] }] })).status).toBe(
      200,
    );
    const { status, body } = await api.json(api.deliveryUrl(SHOP, 'summary', WINDOW, 'Ops'));
    expect(status).toBe(409);
    expect(body).toMatchObject({
      error: {
        code: 'team_not_mapped',
        message: expect.stringMatching(/^Team "Ops" has no repositories mapped/),
      },
    });
    // Pipelines that never deployed: the team gets an explicit "no deployment records", not zeros.
    expect(
      (
        await api.putSettings(SHOP, {
          teams: [{ team: 'Ops', buildDefinitionIds: [99], repositories: ['repo-ops'] }],
        })
      ).status,
    ).toBe(200);
    const ops = await summary(WINDOW, 'Ops');
    expect(ops.deploymentData).toEqual({
      status: 'noDeploymentRecords',
      message:
        'No deployment records for the pipelines mapped to team "Ops" (build definitions 99; release definitions none).',
    });
    await api.json(api.settingsUrl(SHOP), { method: 'DELETE' });
    const empty = await api.json(api.settingsUrl(EMPTY));
    expect(deliverySettingsResponseSchema.parse(empty.body).options).toEqual({
      pipelines: [],
      targets: [],
      repositories: [],
    });
  });
});
