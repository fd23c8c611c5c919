/**
 * The served OpenAPI document as the tests read it: operations, and validators built from the document's
 * own JSON Schemas (zod reads JSON Schema back; component refs become $defs), so an answer is checked
 * against what the document says, not against the contract it was generated from.
 */
import { expect } from 'vitest';
import { z } from 'zod';
import type { TestService } from './startTestService.ts';

const schemaMap = z.record(z.string(), z.record(z.string(), z.unknown()));

export const openApiDocumentSchema = z.object({
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  tags: z.array(z.object({ name: z.string() })),
  components: z.object({ schemas: schemaMap, responses: z.record(z.string(), z.unknown()) }),
});
export type OpenApiDocument = z.infer<typeof openApiDocumentSchema>;

const mediaSchema = z.object({ schema: z.record(z.string(), z.unknown()) });
export const openApiOperationSchema = z.object({
  operationId: z.string(),
  tags: z.array(z.string()),
  parameters: z.array(z.looseObject({ name: z.string(), in: z.string(), required: z.boolean() })).optional(),
  requestBody: z.object({ content: z.record(z.string(), mediaSchema) }).optional(),
  responses: z.record(
    z.string(),
    z.looseObject({ content: z.record(z.string(), mediaSchema).optional(), $ref: z.string().optional() }),
  ),
});
export type OpenApiOperation = z.infer<typeof openApiOperationSchema>;

export function openApiOperation(document: OpenApiDocument, path: string, method: string): OpenApiOperation {
  return openApiOperationSchema.parse(document.paths[path]?.[method]);
}

/** A validator for any JSON Schema of the document (a component's, a response's), its refs resolved. */
export function schemaValidator(document: OpenApiDocument, schema: Record<string, unknown>): z.ZodType {
  const rewrite = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value).replaceAll('#/components/schemas/', '#/$defs/'));
  const root = z.record(z.string(), z.unknown()).parse(rewrite(schema));
  return z.fromJSONSchema({ ...root, $defs: schemaMap.parse(rewrite(document.components.schemas)) });
}

/** The validator of the JSON answer a route documents for a status. */
export function responseValidator(
  document: OpenApiDocument,
  path: string,
  method: string,
  status: string,
): z.ZodType {
  const response = openApiOperation(document, path, method).responses[status];
  const schema = response?.content?.['application/json']?.schema;
  if (schema === undefined) throw new Error(`${method} ${path} documents no JSON answer for ${status}`);
  return schemaValidator(document, schema);
}

/** The issues of a failed check, short enough for an assertion message. */
export function firstIssues(result: { success: boolean; error?: z.ZodError }): string {
  return JSON.stringify(result.error?.issues.slice(0, 3) ?? []);
}

/** Expects an answer to be what the document says the route sends for its status. */
export function expectDocumented(
  document: OpenApiDocument,
  route: { path: string; method: string },
  answer: { status: number; body: unknown },
): void {
  const { path, method } = route;
  const check = responseValidator(document, path, method, String(answer.status)).safeParse(answer.body);
  expect(check.success, `${method} ${path} ${answer.status}: ${firstIssues(check)}`).toBe(true);
}

/** The document the service serves, read without a token as any client may. */
export async function servedOpenApiDocument(test: TestService): Promise<OpenApiDocument> {
  const served = await test.api('/openapi.json', { token: null });
  expect(served.status).toBe(200);
  return openApiDocumentSchema.parse(served.body);
}
