/**
 * JSON Schemas (draft 2020-12, OpenAPI 3.1's dialect) generated from the contract's zod schemas with
 * z.toJSONSchema. Answers are described as sent (output); request bodies and query parameters as
 * accepted (input: defaulted fields optional, numbers also as text).
 */
import { z } from 'zod';
import {
  apiErrorSchema,
  connectOrganizationRequestSchema,
  connectOrganizationResponseSchema,
  organizationListResponseSchema,
  syncStatusResponseSchema,
  teamFlowSettingsSchema,
  teamSettingsResponseSchema,
} from '../../contract/index.ts';
import { auditLogResponseSchema } from '../../contract/access/audit.ts';
import { accessCapabilitiesSchema } from '../../contract/access/capabilities.ts';
import {
  companyHolidaySchema,
  companyHolidaysResponseSchema,
} from '../../contract/calendar/workingCalendar.ts';
import { FLOW_ENDPOINTS } from '../flow/endpoints.ts';

export type JsonSchema = Record<string, unknown>;

/** Names of the request-body components of the POST forecasts (their query schemas, as JSON). */
export const requestBodyName = (responseName: string): string => responseName.replace(/Response$/, 'Request');

const REF_PREFIX = '#/components/schemas/';
export const schemaRef = (name: string): JsonSchema => ({ $ref: `${REF_PREFIX}${name}` });

/** z.toJSONSchema of a registry as OpenAPI components, without $schema and $id. */
export function registryComponents(
  registry: z.core.$ZodRegistry<{ id: string }>,
  io: 'input' | 'output',
): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io,
    uri: (id) => `${REF_PREFIX}${id}`,
  });
  const cleaned: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    // The dialect is the document's (OpenAPI 3.1 = draft 2020-12) and the id is the component's name.
    cleaned[id] = Object.fromEntries(
      Object.entries(schema).filter(([key]) => key !== '$schema' && key !== '$id'),
    );
  }
  return cleaned;
}

export function componentSchemas(): Record<string, JsonSchema> {
  const outputs = z.registry<{ id: string }>();
  outputs.add(apiErrorSchema, { id: 'ApiError' });
  outputs.add(teamFlowSettingsSchema, { id: 'TeamFlowSettings' });
  outputs.add(teamSettingsResponseSchema, { id: 'TeamSettingsResponse' });
  outputs.add(organizationListResponseSchema, { id: 'OrganizationListResponse' });
  outputs.add(connectOrganizationResponseSchema, { id: 'ConnectOrganizationResponse' });
  outputs.add(syncStatusResponseSchema, { id: 'SyncStatusResponse' });
  outputs.add(auditLogResponseSchema, { id: 'AuditLogResponse' });
  outputs.add(accessCapabilitiesSchema, { id: 'AccessCapabilitiesResponse' });
  outputs.add(companyHolidaysResponseSchema, { id: 'CompanyHolidaysResponse' });
  for (const spec of Object.values(FLOW_ENDPOINTS)) outputs.add(spec.response, { id: spec.responseName });

  const inputs = z.registry<{ id: string }>();
  inputs.add(teamFlowSettingsSchema, { id: 'TeamFlowSettingsRequest' });
  inputs.add(connectOrganizationRequestSchema, { id: 'ConnectOrganizationRequest' });
  // The service checks each range itself (422 with a code), so the document describes the valid shape.
  inputs.add(z.object({ holidays: z.array(companyHolidaySchema).max(100) }), {
    id: 'CompanyHolidaysRequest',
  });
  for (const spec of Object.values(FLOW_ENDPOINTS)) {
    if (spec.methods.includes('post')) inputs.add(spec.query, { id: requestBodyName(spec.responseName) });
  }
  return { ...registryComponents(outputs, 'output'), ...registryComponents(inputs, 'input') };
}

export interface QueryParameter {
  name: string;
  in: 'query';
  required: boolean;
  description?: string;
  schema: JsonSchema;
  style?: 'form';
  explode?: boolean;
}

/** One OpenAPI parameter per property of a query schema; lists are comma-separated (form, not exploded). */
export function queryParameters(schema: z.ZodObject): QueryParameter[] {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' });
  const required = new Set(Array.isArray(json.required) ? json.required : []);
  const properties = json.properties ?? {};
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = typeof property === 'object' ? property : {};
    const isList = rest.type === 'array';
    return {
      name,
      in: 'query',
      required: required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
      ...(isList ? { style: 'form' as const, explode: false } : {}),
    };
  });
}
