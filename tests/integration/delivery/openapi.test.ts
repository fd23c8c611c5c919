/**
 * The OpenAPI document covers every delivery route (per project and per team) and the delivery settings,
 * each documented operation is routed, and real answers validate against the documented schemas.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DELIVERY_ENDPOINTS,
  DELIVERY_SCOPES,
  deliveryOperationId,
  deliveryRoute,
} from '../../../service/src/api/delivery/endpoints.ts';
import {
  DELIVERY_SETTINGS_PATH,
  DELIVERY_SETTINGS_PREVIEW_PATH,
} from '../../../service/src/api/delivery/settingsRouter.ts';
import { openApiPath } from '../../../service/src/api/openapi/document.ts';
import type { DeliveryApi } from './server.ts';
import { startHandMadeDeliveryApi, SHOP, TEAM_MAPPING, WINDOW } from './seed.ts';

const documentSchema = z.object({
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  tags: z.array(z.object({ name: z.string() })),
  components: z.object({ schemas: z.record(z.string(), z.record(z.string(), z.unknown())) }),
});
const operationSchema = z.object({
  operationId: z.string(),
  tags: z.array(z.string()),
  parameters: z.array(z.looseObject({ name: z.string(), in: z.string(), required: z.boolean() })).optional(),
  requestBody: z.unknown().optional(),
  responses: z.record(z.string(), z.looseObject({ content: z.record(z.string(), z.unknown()).optional() })),
});

let api: DeliveryApi;
let document: z.infer<typeof documentSchema>;

const operation = (path: string, method: string) => operationSchema.parse(document.paths[path]?.[method]);

function successSchemaName(path: string, method: string): string {
  const content = z
    .object({ 'application/json': z.object({ schema: z.object({ $ref: z.string() }) }) })
    .parse(operation(path, method).responses['200']?.content);
  return content['application/json'].schema.$ref.replace('#/components/schemas/', '');
}

/** The document's JSON Schema for a component, as a validator. */
function validator(name: string): z.ZodType {
  const text = JSON.stringify(document.components.schemas).replaceAll('#/components/schemas/', '#/$defs/');
  const definitions = z.record(z.string(), z.record(z.string(), z.unknown())).parse(JSON.parse(text));
  return z.fromJSONSchema({ ...definitions[name], $defs: definitions });
}

const fill = (path: string, team = 'Checkout') =>
  `${api.apiUrl}${path
    .replace('{organization}', api.organization)
    .replace('{project}', encodeURIComponent(SHOP))
    .replace('{team}', encodeURIComponent(team))}`;

beforeAll(async () => {
  api = await startHandMadeDeliveryApi();
  const response = await api.request(`${api.apiUrl}/openapi.json`, { token: null });
  expect(response.status).toBe(200);
  document = documentSchema.parse(await response.json());
});

afterAll(async () => {
  await api.close();
});

describe('OpenAPI: delivery', () => {
  it('documents every delivery endpoint per project and per team, with its query, responses and CSV', () => {
    const documented = Object.keys(document.paths).filter((path) => path.includes('/delivery/'));
    // Each endpoint per project and per team, the settings, and their preview.
    expect(documented).toHaveLength(Object.keys(DELIVERY_ENDPOINTS).length * 2 + 2);
    for (const spec of Object.values(DELIVERY_ENDPOINTS)) {
      for (const scope of DELIVERY_SCOPES) {
        const path = openApiPath(deliveryRoute(scope, spec.path));
        const get = operation(path, 'get');
        expect(get.operationId).toBe(deliveryOperationId(spec, scope));
        expect(get.tags).toEqual(['Delivery metrics']);
        const codes = Object.keys(get.responses).sort();
        expect(codes, path).toEqual(
          scope === 'team'
            ? ['200', '304', '400', '401', '404', '409', '500']
            : ['200', '304', '400', '401', '404', '500'],
        );
        const query = (get.parameters ?? []).filter((p) => p.in === 'query');
        expect(query.map((p) => p.name).sort(), path).toEqual(Object.keys(spec.query.shape).sort());
        expect(query.filter((p) => p.required).map((p) => p.name)).toEqual(['from', 'to']);
        expect('text/csv' in (get.responses['200']?.content ?? {}), path).toBe(spec.csv);
        expect(document.components.schemas[successSchemaName(path, 'get')], path).toBeDefined();
      }
    }
    const settings = document.paths[openApiPath(DELIVERY_SETTINGS_PATH)] ?? {};
    expect(Object.keys(settings).sort()).toEqual(['delete', 'get', 'parameters', 'put']);
    expect(operation(openApiPath(DELIVERY_SETTINGS_PATH), 'put').requestBody).toBeDefined();
    const preview = document.paths[openApiPath(DELIVERY_SETTINGS_PREVIEW_PATH)] ?? {};
    expect(Object.keys(preview).sort()).toEqual(['parameters', 'post']);
    expect(operation(openApiPath(DELIVERY_SETTINGS_PREVIEW_PATH), 'post').requestBody).toBeDefined();
    expect(document.tags.map((tag) => tag.name)).toEqual(
      expect.arrayContaining(['Delivery metrics', 'Delivery settings']),
    );
  });

  it('every documented delivery operation is routed', async () => {
    for (const [path, item] of Object.entries(document.paths)) {
      if (!path.includes('/delivery/')) continue;
      for (const method of Object.keys(item).filter((key) => key !== 'parameters')) {
        const response = await api.request(`${fill(path)}${method === 'get' ? `?${WINDOW}` : ''}`, {
          method: method.toUpperCase(),
          ...(method === 'put' || method === 'post'
            ? {
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ teams: TEAM_MAPPING }),
              }
            : {}),
        });
        const text = await response.text();
        expect(text, `${method} ${path}`).not.toMatch(/No API route/);
        expect(response.status, `${method} ${path}: ${text}`).toBe(200);
      }
    }
    // DELETE above forgot the mapping; put it back for the next test.
    expect((await api.putSettings(SHOP, { teams: TEAM_MAPPING })).status).toBe(200);
  });

  it('real answers validate against the document, and the validator rejects broken ones', async () => {
    for (const spec of Object.values(DELIVERY_ENDPOINTS)) {
      for (const scope of DELIVERY_SCOPES) {
        const path = openApiPath(deliveryRoute(scope, spec.path));
        const { status, body } = await api.json(`${fill(path)}?${WINDOW}`);
        expect(status, path).toBe(200);
        const check = validator(successSchemaName(path, 'get')).safeParse(body);
        expect(check.success, `${path}: ${JSON.stringify(check.error?.issues.slice(0, 3))}`).toBe(true);
      }
    }
    const settings = await api.json(api.settingsUrl(SHOP));
    expect(validator('DeliverySettingsResponse').safeParse(settings.body).success).toBe(true);
    const preview = await api.json(`${api.settingsUrl(SHOP)}/preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ production: { environments: { kind: 'names', names: ['Staging'] } } }),
    });
    expect(preview.status).toBe(200);
    expect(validator('DeliverySettingsPreviewResponse').safeParse(preview.body).success).toBe(true);
    expect(
      validator('DeliverySettingsPreviewResponse').safeParse({
        ...z.record(z.string(), z.unknown()).parse(preview.body),
        matched: [],
      }).success,
    ).toBe(false);
    const { body } = await api.json(api.deliveryUrl(SHOP, 'summary', WINDOW));
    const record = z.record(z.string(), z.unknown()).parse(body);
    const summary = validator('DeliverySummaryResponse');
    expect(summary.safeParse(record).success).toBe(true);
    expect(summary.safeParse({ ...record, window: undefined }).success).toBe(false);
    expect(summary.safeParse({ ...record, deploymentData: { status: 'zero' } }).success).toBe(false);
    const conflict = await api.json(api.deliveryUrl(SHOP, 'summary', WINDOW, 'Ops'));
    expect(validator('ApiError').safeParse(conflict.body).success).toBe(true);
  });
});
