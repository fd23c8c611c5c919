import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FLOW_ENDPOINTS, TEAM_PATH } from '../../../service/src/api/flow/endpoints.ts';
import { openApiPath } from '../../../service/src/api/openapi/document.ts';
import { startFlowApi, type FlowApiHarness } from '../flow/server.ts';

const RANGE = 'from=2026-03-01&to=2026-05-31';
let api: FlowApiHarness;

const documentSchema = z.object({
  openapi: z.literal('3.1.0'),
  info: z.object({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.object({
    schemas: z.record(z.string(), z.record(z.string(), z.unknown())),
    responses: z.record(z.string(), z.unknown()),
  }),
});
type OpenApi = z.infer<typeof documentSchema>;

const operationSchema = z.object({
  operationId: z.string(),
  parameters: z
    .array(
      z.looseObject({
        name: z.string(),
        in: z.string(),
        required: z.boolean(),
        schema: z.record(z.string(), z.unknown()),
      }),
    )
    .optional(),
  requestBody: z
    .object({
      content: z.object({ 'application/json': z.object({ schema: z.object({ $ref: z.string() }) }) }),
    })
    .optional(),
  responses: z.record(z.string(), z.record(z.string(), z.unknown())),
});

let document: OpenApi;

function operation(path: string, method: string) {
  return operationSchema.parse(document.paths[path]?.[method]);
}

function successSchemaName(path: string, method: string): string {
  const content = z
    .object({
      content: z.object({ 'application/json': z.object({ schema: z.object({ $ref: z.string() }) }) }),
    })
    .parse(operation(path, method).responses['200']);
  return content.content['application/json'].schema.$ref.replace('#/components/schemas/', '');
}

/** Every $ref in the document, wherever it is. */
function refs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const entry of value) refs(entry, found);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, entry] of Object.entries(value)) {
      if (key === '$ref' && typeof entry === 'string') found.push(entry);
      else refs(entry, found);
    }
  }
  return found;
}

/** The document's JSON Schema for a component, as a validator (zod reads JSON Schema back; refs → $defs). */
function validator(name: string): z.ZodType {
  const text = JSON.stringify(document.components.schemas).replaceAll('#/components/schemas/', '#/$defs/');
  const definitions = z.record(z.string(), z.record(z.string(), z.unknown())).parse(JSON.parse(text));
  return z.fromJSONSchema({ ...definitions[name], $defs: definitions });
}

const teamPath = (suffix: string) => openApiPath(`${TEAM_PATH}${suffix}`);

beforeAll(async () => {
  api = await startFlowApi({ seed: 5, scale: 'demo' });
  const response = await api.request(`${api.apiUrl}/openapi.json`, { token: null });
  expect(response.status).toBe(200);
  document = documentSchema.parse(await response.json());
});

afterAll(async () => {
  await api.close();
});

describe('GET /api/v1/openapi.json', () => {
  it('documents every flow endpoint, method, parameter and response', () => {
    for (const spec of Object.values(FLOW_ENDPOINTS)) {
      const path = teamPath(spec.path);
      expect(document.paths[path], path).toBeDefined();
      for (const method of spec.methods) {
        const documented = operation(path, method);
        const codes = Object.keys(documented.responses).sort();
        expect(codes, `${method} ${path}`).toEqual(
          method === 'get' ? ['200', '304', '400', '401', '404', '500'] : ['200', '400', '401', '404', '500'],
        );
        expect(document.components.schemas[successSchemaName(path, method)]).toBeDefined();
        if (method === 'get') {
          const names = (documented.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
          expect(names.sort(), path).toEqual(Object.keys(spec.query.shape).sort());
        } else {
          expect(documented.requestBody, path).toBeDefined();
        }
      }
      const csv = z
        .object({ content: z.record(z.string(), z.unknown()) })
        .parse(operation(path, 'get').responses['200']);
      expect('text/csv' in csv.content, path).toBe(spec.csv);
    }
    const required = (path: string) =>
      (operation(teamPath(path), 'get').parameters ?? [])
        .filter((p) => p.required && p.in === 'query')
        .map((p) => p.name);
    expect(required('/flow/throughput')).toEqual(['from', 'to']);
    expect(required('/flow/forecast/how-many')).toEqual(['by']);
    expect(required('/flow/forecast/when')).toEqual(['items']);
    const settings = document.paths[teamPath('/flow/settings')] ?? {};
    expect(Object.keys(settings).sort()).toEqual(['delete', 'get', 'parameters', 'put']);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/openapi.json',
        '/organizations',
        '/organizations/{organization}/sync-status',
      ]),
    );
  });

  it('resolves every $ref and describes lists as comma-separated query values', () => {
    for (const ref of refs(document)) {
      const [, section, name] = ref.match(/^#\/components\/(schemas|responses)\/(.+)$/) ?? [];
      expect(section, ref).toBeDefined();
      expect(
        document.components[section === 'schemas' ? 'schemas' : 'responses'][name ?? ''],
        ref,
      ).toBeDefined();
    }
    const tags = (operation(teamPath('/flow/cycle-time'), 'get').parameters ?? []).find(
      (p) => p.name === 'tags',
    );
    expect(tags).toMatchObject({ style: 'form', explode: false, schema: { type: 'array' } });
  });

  it('every documented flow and settings operation is routed', async () => {
    const fill = (path: string) =>
      `${api.apiUrl}${path
        .replace('{organization}', api.organization)
        .replace('{project}', encodeURIComponent(api.simulator.project))
        .replace('{team}', encodeURIComponent(api.simulator.team))}`;
    for (const [path, item] of Object.entries(document.paths)) {
      if (path.startsWith('/organizations') && !path.includes('/teams/')) continue; // admin API: another router
      if (path.includes('/delivery/')) continue; // delivery routes: deliveryApiOpenapi.test.ts
      if (path.includes('/sprints/')) continue; // sprint target routes: targets/api.test.ts
      if (path.includes('/insights')) continue; // insights routes: insights/openapi.test.ts
      for (const method of Object.keys(item).filter((key) => key !== 'parameters')) {
        const hasBody = method === 'post' || method === 'put';
        const response = await api.request(fill(path), {
          method: method.toUpperCase(),
          ...(hasBody ? { headers: { 'content-type': 'application/json' }, body: '{}' } : {}),
        });
        const text = await response.text();
        expect(text, `${method} ${path}`).not.toMatch(/No API route/);
        expect(response.status, `${method} ${path}`).not.toBe(500);
      }
    }
  });

  it('validates real answers against the document, and the validator rejects broken ones', async () => {
    const samples: [string, string, string][] = [
      ['/flow/cycle-time', 'get', RANGE],
      ['/flow/summary', 'get', RANGE],
      ['/flow/aging', 'get', `${RANGE}&basis=2026-04-01`],
      ['/flow/data-quality', 'get', RANGE],
      ['/flow/forecast/how-many', 'get', 'by=2026-06-30&target=12'],
      ['/flow/forecast/when', 'get', 'items=8&target=2026-06-20'],
      ['/flow/forecast/sprint', 'get', ''],
      ['/flow/settings', 'get', ''],
    ];
    for (const [suffix, method, query] of samples) {
      const { status, body } = await api.json(api.flowUrl(suffix.replace('/flow/', ''), query));
      expect(status, suffix).toBe(200);
      const check = validator(successSchemaName(teamPath(suffix), method)).safeParse(body);
      expect(check.success, `${suffix}: ${JSON.stringify(check.error?.issues.slice(0, 3))}`).toBe(true);
    }
    const { body } = await api.json(api.flowUrl('summary', RANGE));
    const summary = validator('FlowSummaryResponse');
    const record = z.record(z.string(), z.unknown()).parse(body);
    const withoutThroughput = Object.fromEntries(
      Object.entries(record).filter(([key]) => key !== 'throughput'),
    );
    expect(summary.safeParse(withoutThroughput).success).toBe(false);
    expect(summary.safeParse({ ...record, extra: true }).success).toBe(false);
    expect(summary.safeParse({ ...record, itemCount: 'many' }).success).toBe(false);
    const error = await api.json(api.flowUrl('cycle-time', 'from=nope'));
    expect(validator('ApiError').safeParse(error.body).success).toBe(true);
  });
});
