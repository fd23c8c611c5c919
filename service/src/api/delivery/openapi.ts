/**
 * The delivery part of the OpenAPI document, generated from the delivery endpoint table and the
 * contract's schemas: every endpoint per project and per team, and the project's delivery settings.
 */
import { z } from 'zod';
import {
  deliverySettingsPreviewResponseSchema,
  deliverySettingsResponseSchema,
  projectDeliverySettingsSchema,
} from '../../contract/index.ts';
import {
  DELIVERY_ENDPOINTS,
  DELIVERY_SCOPES,
  deliveryOperationId,
  deliveryRoute,
  type DeliveryEndpoint,
  type DeliveryScopeKind,
} from './endpoints.ts';
import { DELIVERY_SETTINGS_PATH, DELIVERY_SETTINGS_PREVIEW_PATH } from './settingsRouter.ts';
import type { JsonSchema } from '../openapi/schemas.ts';
import { queryParameters, registryComponents, schemaRef } from '../openapi/schemas.ts';

type Operation = Record<string, unknown>;

export const DELIVERY_TAGS = [{ name: 'Delivery metrics' }, { name: 'Delivery settings' }];

export function deliveryComponentSchemas(): Record<string, JsonSchema> {
  const outputs = z.registry<{ id: string }>();
  outputs.add(deliverySettingsResponseSchema, { id: 'DeliverySettingsResponse' });
  outputs.add(deliverySettingsPreviewResponseSchema, { id: 'DeliverySettingsPreviewResponse' });
  for (const spec of Object.values(DELIVERY_ENDPOINTS)) outputs.add(spec.response, { id: spec.responseName });
  const inputs = z.registry<{ id: string }>();
  inputs.add(projectDeliverySettingsSchema, { id: 'ProjectDeliverySettingsRequest' });
  return { ...registryComponents(outputs, 'output'), ...registryComponents(inputs, 'input') };
}

const openApiPath = (expressPath: string) => expressPath.replace(/:([A-Za-z]+)/g, '{$1}');
const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const response = (name: string) => ({ $ref: `#/components/responses/${name}` });

const pathParameter = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string', minLength: 1 },
});

const PROJECT_PARAMETERS = [
  pathParameter('organization', 'Azure DevOps organization name, as connected to Seika.'),
  pathParameter('project', 'Project name.'),
];
const TEAM_PARAMETERS = [...PROJECT_PARAMETERS, pathParameter('team', 'Team name (case-insensitive).')];

const COMMON_ERRORS = {
  '400': response('BadRequest'),
  '401': response('Unauthorized'),
  '404': response('NotFound'),
  '500': response('InternalError'),
};

const TEAM_NOT_MAPPED = {
  description:
    "team_not_mapped: the project's delivery settings map no pipeline and/or no repository to the team; " +
    'the message names what is missing.',
  content: json(schemaRef('ApiError')),
};

function deliveryOperation(spec: DeliveryEndpoint, scope: DeliveryScopeKind): Operation {
  const ifNoneMatch = {
    name: 'If-None-Match',
    in: 'header',
    required: false,
    description: 'An ETag from an earlier answer: 304 when it is still current.',
    schema: { type: 'string' },
  };
  return {
    operationId: deliveryOperationId(spec, scope),
    summary: scope === 'team' ? `${spec.summary} (one team)` : spec.summary,
    description: spec.description,
    tags: ['Delivery metrics'],
    parameters: [...queryParameters(spec.query), ifNoneMatch],
    responses: {
      '200': {
        description: spec.summary,
        content: {
          ...json(schemaRef(spec.responseName)),
          ...(spec.csv
            ? { 'text/csv': { schema: { type: 'string', description: 'UTF-8 with BOM, CRLF, header row.' } } }
            : {}),
        },
        headers: { ETag: { schema: { type: 'string' } } },
      },
      '304': response('NotModified'),
      ...COMMON_ERRORS,
      ...(scope === 'team' ? { '409': TEAM_NOT_MAPPED } : {}),
    },
  };
}

function settingsOperations(): Record<string, Operation> {
  const answer = {
    '200': {
      description: "The project's delivery settings and what they may name.",
      content: json(schemaRef('DeliverySettingsResponse')),
    },
  };
  const tags = ['Delivery settings'];
  return {
    get: {
      operationId: 'getDeliverySettings',
      summary: "A project's delivery settings (defaults when none are stored)",
      tags,
      responses: { ...answer, ...COMMON_ERRORS },
    },
    put: {
      operationId: 'putDeliverySettings',
      summary: "Replace a project's delivery settings; omitted fields take their defaults",
      description:
        'Production environments and stages (a regular expression or a list of names), the incident rule, the ' +
        'types counted as rework and the team mapping. Patterns must be valid regular expressions; mapped ' +
        'teams must have been synchronised. A change of the production mark asks for the sync that recomputes ' +
        'the changes of each production deployment at once; until it has run, delivery answers carry `pending`.',
      tags,
      requestBody: { required: true, content: json(schemaRef('ProjectDeliverySettingsRequest')) },
      responses: { ...answer, ...COMMON_ERRORS },
    },
    delete: {
      operationId: 'resetDeliverySettings',
      summary: "Forget a project's delivery settings (back to defaults)",
      tags,
      responses: { ...answer, ...COMMON_ERRORS },
    },
  };
}

/** Every delivery path of the document, keyed as OpenAPI writes them (below /api/v1). */
export function deliveryPaths(): Record<string, Record<string, unknown>> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of Object.values(DELIVERY_ENDPOINTS)) {
    for (const scope of DELIVERY_SCOPES) {
      paths[openApiPath(deliveryRoute(scope, spec.path))] = {
        parameters: scope === 'team' ? TEAM_PARAMETERS : PROJECT_PARAMETERS,
        get: deliveryOperation(spec, scope),
      };
    }
  }
  paths[openApiPath(DELIVERY_SETTINGS_PATH)] = { parameters: PROJECT_PARAMETERS, ...settingsOperations() };
  paths[openApiPath(DELIVERY_SETTINGS_PREVIEW_PATH)] = {
    parameters: PROJECT_PARAMETERS,
    post: {
      operationId: 'previewDeliverySettings',
      summary: 'What draft delivery settings would mark as production, beside the saved ones; stores nothing',
      description:
        'The body is validated like a PUT. Answers, from the synchronised deployment records, the targets the ' +
        'draft marks production (with counts and the latest deployments of each) and those it does not (each ' +
        'list at most 100), what it adds and removes compared with the saved settings, and whether saving it ' +
        'would start a recomputation. Anyone who may read the settings may ask.',
      tags: ['Delivery settings'],
      requestBody: { required: true, content: json(schemaRef('ProjectDeliverySettingsRequest')) },
      responses: {
        '200': {
          description: 'What the draft selects.',
          content: json(schemaRef('DeliverySettingsPreviewResponse')),
        },
        ...COMMON_ERRORS,
      },
    },
  };
  return paths;
}
