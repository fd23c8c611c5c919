/**
 * The OpenAPI 3.1 document of the API, generated from the contract's schemas and the endpoint table the
 * routers register from. Served at GET /api/v1/openapi.json.
 */
import { DELIVERY_TAGS, deliveryComponentSchemas, deliveryPaths } from '../delivery/openapi.ts';
import type { FlowEndpoint } from '../flow/endpoints.ts';
import { INSIGHTS_TAGS, insightsComponentSchemas, insightsPaths } from '../insights/openapi.ts';
import { FLOW_ENDPOINTS, TEAM_PATH } from '../flow/endpoints.ts';
import type { JsonSchema } from './schemas.ts';
import { componentSchemas, queryParameters, requestBodyName, schemaRef } from './schemas.ts';
import { TEAM_SETTINGS_PATH } from '../teamSettings/router.ts';
import { TARGETS_TAGS, targetsComponentSchemas, targetsPaths } from '../targets/openapi.ts';
import { USAGE_TAGS, usageComponentSchemas, usagePaths } from '../usage/openapi.ts';

type Operation = Record<string, unknown>;

/** Express's `:name` segments as OpenAPI's `{name}`. */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z]+)/g, '{$1}');
}

const pathParameter = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string', minLength: 1 },
});

const TEAM_PARAMETERS = [
  pathParameter('organization', 'Azure DevOps organization name, as connected to Seika.'),
  pathParameter('project', 'Project name.'),
  pathParameter('team', 'Team name (case-insensitive).'),
];

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const errorResponse = (description: string) => ({ description, content: json(schemaRef('ApiError')) });
const ref = (name: string) => ({ $ref: `#/components/responses/${name}` });

const RESPONSES = {
  BadRequest: errorResponse('A parameter is missing or wrong; `error.parameter` names it.'),
  Unauthorized: errorResponse('No valid app token in "Authorization: Bearer".'),
  Forbidden: errorResponse(
    'The user token does not prove membership of the organization, or the role the route needs (see error.code).',
  ),
  NotFound: errorResponse('The organization, team or route is unknown (or not synchronised yet).'),
  InternalError: errorResponse('The service failed; the error is logged.'),
  NotModified: {
    description: 'The answer has not changed since the ETag given in If-None-Match.',
    headers: { ETag: { schema: { type: 'string' } } },
  },
};

const COMMON_ERRORS = {
  '400': ref('BadRequest'),
  '401': ref('Unauthorized'),
  '404': ref('NotFound'),
  '500': ref('InternalError'),
};

function flowOperation(spec: FlowEndpoint, method: 'get' | 'post'): Operation {
  const success: Record<string, unknown> = {
    description: spec.summary,
    content: {
      ...json(schemaRef(spec.responseName)),
      ...(spec.csv
        ? { 'text/csv': { schema: { type: 'string', description: 'UTF-8 with BOM, CRLF, header row.' } } }
        : {}),
    },
    ...(method === 'get' ? { headers: { ETag: { schema: { type: 'string' } } } } : {}),
  };
  const ifNoneMatch = {
    name: 'If-None-Match',
    in: 'header',
    required: false,
    description: 'An ETag from an earlier answer: 304 when it is still current.',
    schema: { type: 'string' },
  };
  return {
    operationId: method === 'get' ? spec.id : `${spec.id}Post`,
    summary: spec.summary,
    description: spec.description,
    tags: [spec.path.includes('/forecast/') ? 'Forecasts' : 'Flow metrics'],
    ...(method === 'get'
      ? { parameters: [...queryParameters(spec.query), ifNoneMatch] }
      : { requestBody: { required: true, content: json(schemaRef(requestBodyName(spec.responseName))) } }),
    responses: {
      '200': success,
      ...(method === 'get' ? { '304': ref('NotModified') } : {}),
      ...COMMON_ERRORS,
    },
  };
}

function settingsOperations(): Record<string, Operation> {
  const answer = {
    '200': {
      description: "The team's settings and what they may name.",
      content: json(schemaRef('TeamSettingsResponse')),
    },
  };
  return {
    get: {
      operationId: 'getTeamFlowSettings',
      summary: "A team's flow settings (defaults when none are stored)",
      tags: ['Team settings'],
      responses: { ...answer, ...COMMON_ERRORS },
    },
    put: {
      operationId: 'putTeamFlowSettings',
      summary: "Replace a team's flow settings; omitted fields take their defaults",
      description: 'States, board columns and types are checked against the synchronised workflow and board.',
      tags: ['Team settings'],
      requestBody: { required: true, content: json(schemaRef('TeamFlowSettingsRequest')) },
      responses: { ...answer, ...COMMON_ERRORS },
    },
    delete: {
      operationId: 'resetTeamFlowSettings',
      summary: "Forget a team's settings (back to defaults)",
      tags: ['Team settings'],
      responses: { ...answer, ...COMMON_ERRORS },
    },
  };
}

function organizationPaths(): Record<string, Record<string, unknown>> {
  const organization = pathParameter('organization', 'Azure DevOps organization name.');
  const tags = ['Organizations'];
  return {
    '/organizations': {
      get: {
        operationId: 'listOrganizations',
        summary: 'Connected organizations',
        tags,
        responses: {
          '200': { description: 'The organizations.', content: json(schemaRef('OrganizationListResponse')) },
          '401': ref('Unauthorized'),
          '500': ref('InternalError'),
        },
      },
      post: {
        operationId: 'connectOrganization',
        summary: 'Connect an organization with a personal access token and start its first sync',
        tags,
        requestBody: { required: true, content: json(schemaRef('ConnectOrganizationRequest')) },
        responses: {
          '201': { description: 'Connected.', content: json(schemaRef('ConnectOrganizationResponse')) },
          '422': errorResponse('Azure DevOps refused the token.'),
          ...COMMON_ERRORS,
        },
      },
    },
    '/organizations/{organization}': {
      parameters: [organization],
      delete: {
        operationId: 'disconnectOrganization',
        summary: 'Disconnect an organization',
        tags,
        responses: { '204': { description: 'Disconnected.' }, ...COMMON_ERRORS },
      },
    },
    '/organizations/{organization}/audit': {
      parameters: [organization],
      get: {
        operationId: 'getAuditLog',
        summary: "Administrators' changes to Seika's settings, connects and disconnects (newest first)",
        tags,
        responses: {
          '200': { description: 'The audit log.', content: json(schemaRef('AuditLogResponse')) },
          '403': ref('Forbidden'),
          ...COMMON_ERRORS,
        },
      },
    },
    '/organizations/{organization}/access': {
      parameters: [
        organization,
        { name: 'project', in: 'query', required: false, schema: { type: 'string' } },
        { name: 'team', in: 'query', required: false, schema: { type: 'string' } },
      ],
      get: {
        operationId: 'getAccessCapabilities',
        summary: 'What the caller may do in the organization (and the project and team named)',
        tags,
        responses: {
          '200': { description: 'The capabilities.', content: json(schemaRef('AccessCapabilitiesResponse')) },
          '403': ref('Forbidden'),
          ...COMMON_ERRORS,
        },
      },
    },
    '/organizations/{organization}/company-holidays': {
      parameters: [organization],
      get: {
        operationId: 'getCompanyHolidays',
        summary: "The organization's company holidays (any member)",
        tags,
        responses: {
          '200': { description: 'The holidays.', content: json(schemaRef('CompanyHolidaysResponse')) },
          '403': ref('Forbidden'),
          ...COMMON_ERRORS,
        },
      },
      put: {
        operationId: 'putCompanyHolidays',
        summary: 'Replace the company holidays (collection administrators; audited)',
        description:
          'At most 100 ranges of at most 31 days; refused lists answer 422 with too_many_holidays, invalid_day, ' +
          'start_after_end, holiday_too_long, name_required or name_too_long and the field.',
        tags,
        requestBody: { required: true, content: json(schemaRef('CompanyHolidaysRequest')) },
        responses: {
          '200': { description: 'Saved.', content: json(schemaRef('CompanyHolidaysResponse')) },
          '403': ref('Forbidden'),
          '422': errorResponse('A range is not valid.'),
          ...COMMON_ERRORS,
        },
      },
    },
    '/organizations/{organization}/sync-status': {
      parameters: [organization],
      get: {
        operationId: 'getSyncStatus',
        summary: 'Sync progress per stream',
        tags,
        responses: {
          '200': { description: 'Progress.', content: json(schemaRef('SyncStatusResponse')) },
          ...COMMON_ERRORS,
        },
      },
    },
  };
}

export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {
    '/openapi.json': {
      get: {
        operationId: 'getOpenApiDocument',
        summary: 'This document',
        tags: ['Meta'],
        security: [],
        responses: { '200': { description: 'The OpenAPI 3.1 document.', content: json({ type: 'object' }) } },
      },
    },
    ...organizationPaths(),
  };
  for (const spec of Object.values(FLOW_ENDPOINTS)) {
    const item: Record<string, unknown> = { parameters: TEAM_PARAMETERS };
    for (const method of spec.methods) item[method] = flowOperation(spec, method);
    paths[openApiPath(`${TEAM_PATH}${spec.path}`)] = item;
  }
  paths[openApiPath(TEAM_SETTINGS_PATH)] = { parameters: TEAM_PARAMETERS, ...settingsOperations() };
  Object.assign(paths, deliveryPaths());
  Object.assign(paths, targetsPaths());
  Object.assign(paths, insightsPaths());
  Object.assign(paths, usagePaths());
  return {
    openapi: '3.1.0',
    info: {
      title: 'Seika API',
      version: '1',
      description:
        'Flow metrics, forecasts and team settings for Azure DevOps teams, and delivery (DORA) metrics per ' +
        'project and team; sprint targets, improvement insights, and usage and adoption for administrators. ' +
        'Every error is ' +
        '{"error": {"code", "message", "parameter"}}; `parameter` names the offending input.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ appToken: [], userToken: [] }],
    tags: [
      { name: 'Flow metrics' },
      { name: 'Forecasts' },
      { name: 'Team settings' },
      ...DELIVERY_TAGS,
      ...TARGETS_TAGS,
      ...INSIGHTS_TAGS,
      ...USAGE_TAGS,
      { name: 'Organizations' },
      { name: 'Meta' },
    ],
    paths,
    components: {
      securitySchemes: {
        appToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: "The extension's app token (SDK.getAppToken()), signed with the extension's secret.",
        },
        userToken: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Seika-User-Token',
          description:
            "The user's Azure DevOps access token (SDK.getAccessToken()): proves the organization and the role.",
        },
      },
      schemas: {
        ...componentSchemas(),
        ...deliveryComponentSchemas(),
        ...targetsComponentSchemas(),
        ...insightsComponentSchemas(),
        ...usageComponentSchemas(),
      },
      responses: RESPONSES,
    },
  };
}
