/**
 * The usage part of the OpenAPI document, from the contract's schemas: the hubs' usage events, the weekly
 * per-team usage report and each team's adoption checks (both also as CSV).
 */
import { z } from 'zod';
import { formatField } from '../../contract/flow/query.ts';
import { adoptionResponseSchema } from '../../contract/usage/adoption.ts';
import { usageEventSchema, usageQuerySchema, usageReportSchema } from '../../contract/usage/usage.ts';
import {
  codedError,
  ORGANIZATION_REFUSALS,
  TOO_LARGE,
  UNAUTHORIZED_CODES,
  UNAVAILABLE,
} from '../openapi/errorResponses.ts';
import type { JsonSchema } from '../openapi/schemas.ts';
import { queryParameters, registryComponents, schemaRef } from '../openapi/schemas.ts';
import { ADOPTION_PATH, USAGE_EVENTS_PATH, USAGE_REPORT_PATH } from './router.ts';

export const USAGE_TAGS = [{ name: 'Usage' }];
const tags = ['Usage'];

export function usageComponentSchemas(): Record<string, JsonSchema> {
  const outputs = z.registry<{ id: string }>();
  outputs.add(usageReportSchema, { id: 'UsageReportResponse' });
  outputs.add(adoptionResponseSchema, { id: 'AdoptionResponse' });
  const inputs = z.registry<{ id: string }>();
  inputs.add(usageEventSchema, { id: 'UsageEventRequest' });
  return { ...registryComponents(outputs, 'output'), ...registryComponents(inputs, 'input') };
}

const openApiPath = (expressPath: string) => expressPath.replace(/:([A-Za-z]+)/g, '{$1}');
const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const ORGANIZATION_PARAMETERS = [
  {
    name: 'organization',
    in: 'path',
    required: true,
    description: 'Azure DevOps organization name, as connected to Seika.',
    schema: { type: 'string', minLength: 1 },
  },
];
const IF_NONE_MATCH = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  // express's own ETag: a request with Cache-Control: no-cache (fetch adds it to conditional requests) gets 200.
  description:
    'An ETag from an earlier answer: 304 when it is still current, unless the request says Cache-Control: no-cache.',
  schema: { type: 'string' },
};
const CSV = { 'text/csv': { schema: { type: 'string', description: 'UTF-8 with BOM, CRLF, header row.' } } };

const COMMON = {
  '404': codedError('The organization is not connected to Seika.', [
    'organization_not_connected',
    'not_found',
  ]),
  '500': codedError('The service failed; the error is logged.', ['internal_error']),
  '503': UNAVAILABLE,
};

/**
 * GET of a report for collection administrators, as JSON or CSV. `revalidated`: the same data gives the same
 * answer, so an ETag can be current (not so for adoption, whose `asOf` is the moment of the checks).
 */
function report(
  operationId: string,
  summary: string,
  description: string,
  schema: string,
  query: z.ZodObject,
  revalidated: boolean,
) {
  return {
    operationId,
    summary,
    description,
    tags,
    parameters: [...queryParameters(query), ...(revalidated ? [IF_NONE_MATCH] : [])],
    responses: {
      '200': {
        description: summary,
        content: { ...json(schemaRef(schema)), ...CSV },
        ...(revalidated ? { headers: { ETag: { schema: { type: 'string' } } } } : {}),
      },
      ...(revalidated ? { '304': { $ref: '#/components/responses/NotModified' } } : {}),
      '400': codedError('A query parameter is wrong; `error.parameter` names it.', ['invalid_parameter']),
      '401': codedError('No valid app token, or no valid user token.', UNAUTHORIZED_CODES),
      '403': codedError('Only Project Collection Administrators of the organization may read it.', [
        ...ORGANIZATION_REFUSALS,
        'requires_collection_administrator',
      ]),
      ...COMMON,
    },
  };
}

export function usagePaths(): Record<string, Record<string, unknown>> {
  return {
    [openApiPath(USAGE_EVENTS_PATH)]: {
      parameters: ORGANIZATION_PARAMETERS,
      post: {
        operationId: 'recordUsageEvent',
        summary: 'Count a use of a hub (opened, targets set, review saved, insight acted on); any member',
        description:
          'Counts only: a view is counted per viewer and day through a salted hash that is dropped when the ' +
          'day is rolled up; no identity is kept. Name both project and team, or neither (organization-level ' +
          'events such as the settings hub).',
        tags,
        requestBody: { required: true, content: json(schemaRef('UsageEventRequest')) },
        responses: {
          '204': { description: 'Counted.' },
          '400': codedError(
            'The body is not a JSON object or a field is wrong (unknown fields too); `error.parameter` names it.',
            ['invalid_parameter', 'invalid_json'],
          ),
          '401': codedError('No valid app token, no user in it, or no valid user token.', [
            ...UNAUTHORIZED_CODES,
            'missing_user',
          ]),
          '403': codedError('The caller is not a member of the organization.', ORGANIZATION_REFUSALS),
          '413': TOO_LARGE,
          ...COMMON,
        },
      },
    },
    [openApiPath(USAGE_REPORT_PATH)]: {
      parameters: ORGANIZATION_PARAMETERS,
      get: report(
        'getUsageReport',
        'Usage per team and week: hubs opened, targets set, reviews saved, insights acted on, peak daily viewers',
        'The last `weeks` weeks of the organization’s time zone, oldest first. Any count under 5 is sent only ' +
          'as "fewer than 5" (count null, fewerThanFive true), in CSV too.',
        'UsageReportResponse',
        usageQuerySchema.extend({ format: formatField }),
        true,
      ),
    },
    [openApiPath(ADOPTION_PATH)]: {
      parameters: ORGANIZATION_PARAMETERS,
      get: report(
        'getAdoption',
        'How each team has set Azure DevOps up for flow and delivery metrics, each gap with its fix',
        'Per team: WIP limits, sprint cadence, working calendar, in-progress states, pull requests linked to ' +
          'work items, a production mark and service hooks, each ok, gap or unknown with the figure behind it.',
        'AdoptionResponse',
        z.object({ format: formatField }),
        false,
      ),
    },
  };
}
