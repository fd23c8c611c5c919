/**
 * The explicit answers when there is nothing to measure: never a zero that looks like a result.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  deliveryDeploymentsResponseSchema,
  deliverySummaryResponseSchema,
} from '../../../service/src/contract/index.ts';
import type { DeliveryApi } from './server.ts';
import { EMPTY, LABS, SHOP, startHandMadeDeliveryApi, WINDOW } from './seed.ts';

let api: DeliveryApi;

function answer<S extends z.ZodType>(
  schema: S,
  path: string,
  options: { project?: string; team?: string; query?: string } = {},
): Promise<z.output<S>> {
  return api.answer(
    schema,
    api.deliveryUrl(options.project ?? SHOP, path, options.query ?? WINDOW, options.team),
  );
}

beforeAll(async () => {
  api = await startHandMadeDeliveryApi();
});

afterAll(async () => {
  await api.close();
});

describe('explicit answers when there is nothing to measure', () => {
  it('noDeployments: production exists but nothing succeeded in the range', async () => {
    const summary = await answer(deliverySummaryResponseSchema, 'summary', {
      query: 'from=2026-05-18&to=2026-05-24',
    });
    expect(summary.deploymentData).toEqual({ status: 'ok' });
    for (const figure of [
      'deploymentFrequency',
      'leadTimeForChanges',
      'changeFailureRate',
      'deploymentFailureRate',
      'failedDeploymentRecoveryTime',
      'reworkRate',
    ] as const) {
      expect(summary.window[figure], figure).toEqual({
        status: 'noDeployments',
        message:
          'No successful production deployment of project "Shop" finished between 2026-05-18 and 2026-05-24.',
      });
    }
    // Incident 52 is still open: restoring is about incidents, not deployments.
    expect(summary.window.timeToRestore).toMatchObject({ status: 'noIncidents' });
    const { items } = await answer(deliveryDeploymentsResponseSchema, 'deployments', {
      query: 'from=2026-05-18&to=2026-05-24',
    });
    expect(items).toEqual([]);
  });

  it('noProductionEnvironment: names the targets seen and the mark applied', async () => {
    const summary = await answer(deliverySummaryResponseSchema, 'summary', { project: LABS });
    const expected = {
      status: 'noProductionEnvironment',
      targetNamesSeen: ['qa', 'staging'],
      message: expect.stringContaining('(targets seen: qa, staging)'),
    };
    expect(summary.deploymentData).toEqual(expected);
    expect(summary.window.deploymentFrequency).toEqual(expected);
    expect(summary.window.changeFailureRate).toEqual(expected);
    expect(
      summary.deploymentData.status === 'noProductionEnvironment' && summary.deploymentData.message,
    ).toMatch(/\/prod\/i/);
  });

  it('noDeploymentRecords: a project with nothing deployed says so', async () => {
    const summary = await answer(deliverySummaryResponseSchema, 'summary', { project: EMPTY });
    expect(summary.deploymentData).toEqual({
      status: 'noDeploymentRecords',
      message: expect.stringContaining('No deployment records for project "Empty"'),
    });
    expect(summary.window.leadTimeForChanges.status).toBe('noDeploymentRecords');
    expect(summary.window.timeToRestore.status).toBe('noIncidents');
  });

  it('noIncidents: deployments without an attributed incident are not a 0% failure rate', async () => {
    const query = 'from=2026-05-11&to=2026-05-17';
    const summary = await answer(deliverySummaryResponseSchema, 'summary', { team: 'Checkout', query });
    expect(summary.window.changeFailureRate).toEqual({
      status: 'noIncidents',
      successfulDeployments: 1,
      message:
        'No incident (Bug work items tagged "incident") is attributed to the successful production deployments ' +
        'of team "Checkout" that finished between 2026-05-11 and 2026-05-17.',
    });
    expect(summary.window.failedDeploymentRecoveryTime.status).toBe('noIncidents');
    expect(summary.window.timeToRestore).toEqual({
      status: 'noneRestored',
      openIncidentIds: [52],
      message: 'Incidents 52 are still open: none was restored between 2026-05-11 and 2026-05-17.',
    });
  });

  it('an unknown project is a 404 naming it', async () => {
    const { status, body } = await api.json(api.deliveryUrl('Nowhere', 'summary', WINDOW));
    expect(status).toBe(404);
    expect(body).toMatchObject({
      error: { code: 'not_found', message: expect.stringContaining('"Nowhere"') },
    });
  });
});
