/**
 * The improvement insights part of the OpenAPI document, from the contract's schemas: the week's findings,
 * a rule's 13-week preview, the experiments, what the team did with a finding and which rules are on.
 */
import { z } from 'zod';
import {
  insightActionSchema,
  insightExperimentsResponseSchema,
  insightPreviewResponseSchema,
  insightSettingsSchema,
  insightsResponseSchema,
} from '../../contract/insights/insights.ts';
import {
  codedError,
  ORGANIZATION_REFUSALS,
  TOO_LARGE,
  UNAUTHORIZED_CODES,
  UNAVAILABLE,
} from '../openapi/errorResponses.ts';
import type { JsonSchema } from '../openapi/schemas.ts';
import { queryParameters, registryComponents, schemaRef } from '../openapi/schemas.ts';
import {
  INSIGHTS_ACTIONS_PATH,
  INSIGHTS_EXPERIMENTS_PATH,
  INSIGHTS_PATH,
  INSIGHTS_PREVIEW_PATH,
  INSIGHTS_SETTINGS_PATH,
  insightPreviewQuerySchema,
} from './router.ts';

export const INSIGHTS_TAGS = [{ name: 'Improvement insights' }];
const tags = ['Improvement insights'];

export function insightsComponentSchemas(): Record<string, JsonSchema> {
  const outputs = z.registry<{ id: string }>();
  outputs.add(insightsResponseSchema, { id: 'InsightsResponse' });
  outputs.add(insightPreviewResponseSchema, { id: 'InsightPreviewResponse' });
  outputs.add(insightExperimentsResponseSchema, { id: 'InsightExperimentsResponse' });
  const inputs = z.registry<{ id: string }>();
  inputs.add(insightActionSchema, { id: 'InsightActionRequest' });
  inputs.add(insightSettingsSchema, { id: 'InsightSettingsRequest' });
  return { ...registryComponents(outputs, 'output'), ...registryComponents(inputs, 'input') };
}

const openApiPath = (expressPath: string) => expressPath.replace(/:([A-Za-z]+)/g, '{$1}');
const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
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
const IF_NONE_MATCH = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  // express's own ETag: a request with Cache-Control: no-cache (fetch adds it to conditional requests) gets 200.
  description:
    'An ETag from an earlier answer: 304 when it is still current, unless the request says Cache-Control: no-cache.',
  schema: { type: 'string' },
};

/** What every insights route can answer besides its own refusals (reading needs only to see the project). */
const COMMON = {
  '401': codedError('No valid app token, or no valid user token.', UNAUTHORIZED_CODES),
  '404': codedError('The organization is not connected, or the team is unknown or not synchronised yet.', [
    'organization_not_connected',
    'not_found',
  ]),
  '422': codedError(
    'The team is scoped by a custom team field, not area paths, so its items cannot be told apart.',
    ['unsupported_team_field'],
  ),
  '500': codedError('The service failed; the error is logged.', ['internal_error']),
  '503': UNAVAILABLE,
};
const READ_REFUSED = codedError('The caller may not see the project.', [
  ...ORGANIZATION_REFUSALS,
  'project_not_visible',
]);
const WRITE_REFUSED = codedError(
  "Only the team's administrators (or the project's) may do this; or the caller may not see the project.",
  [...ORGANIZATION_REFUSALS, 'project_not_visible', 'requires_team_administrator'],
);

function read(operationId: string, summary: string, description: string, schema: string, query = false) {
  return {
    operationId,
    summary,
    description,
    tags,
    parameters: [...(query ? queryParameters(insightPreviewQuerySchema) : []), IF_NONE_MATCH],
    responses: {
      '200': {
        description: summary,
        content: json(schemaRef(schema)),
        headers: { ETag: { schema: { type: 'string' } } },
      },
      '304': { $ref: '#/components/responses/NotModified' },
      '400': codedError('A path segment or query parameter is wrong; `error.parameter` names it.', [
        'invalid_parameter',
      ]),
      '403': READ_REFUSED,
      ...COMMON,
    },
  };
}

function write(operationId: string, summary: string, description: string, body: string) {
  return {
    operationId,
    summary,
    description,
    tags,
    requestBody: { required: true, content: json(schemaRef(body)) },
    responses: {
      '200': {
        description: 'The week’s insights as they now stand.',
        content: json(schemaRef('InsightsResponse')),
      },
      '403': WRITE_REFUSED,
      '413': TOO_LARGE,
      ...COMMON,
    },
  };
}

const BODY_REFUSED =
  'The body is not a JSON object or a field is wrong (unknown fields too); `error.parameter` names it.';

export function insightsPaths(): Record<string, Record<string, unknown>> {
  const actions = write(
    'actOnInsight',
    'Record what the team did with a finding: acknowledged, dismissed (with why) or made an experiment',
    '`weekStart` must be a Monday of the team’s time zone and not after this week (else 400 ' +
      'invalid_week_start, naming weekStart); a dismissal needs a `note`. Team administrators only.',
    'InsightActionRequest',
  );
  const settings = write(
    'putInsightSettings',
    'Which rules are on, and the weekly digest’s Teams or Slack incoming webhook',
    'The webhook must be an https Slack or Microsoft Teams incoming-webhook URL (else 422 ' +
      'digest_url_refused, naming digest.url); it is sealed at rest and never answered, only masked. ' +
      '`digest: null` switches the digest off; leaving it out keeps it. Team administrators only.',
    'InsightSettingsRequest',
  );
  return {
    [openApiPath(INSIGHTS_PATH)]: {
      parameters: TEAM_PARAMETERS,
      get: read(
        'getInsights',
        'The week’s improvement insights for the team (at most three) and the rule catalogue',
        'Each finding names its rule, expected effect, the items behind it (with links) and the figures; each ' +
          'rule its evidence, threshold, minimum data and the experiment it suggests.',
        'InsightsResponse',
      ),
    },
    [openApiPath(INSIGHTS_PREVIEW_PATH)]: {
      parameters: TEAM_PARAMETERS,
      get: read(
        'previewInsightRule',
        'When a rule would have fired for the team in each of the last 13 weeks',
        'Oldest week first; `figures` are those the rule would have shown, null in weeks it would not fire.',
        'InsightPreviewResponse',
        true,
      ),
    },
    [openApiPath(INSIGHTS_EXPERIMENTS_PATH)]: {
      parameters: TEAM_PARAMETERS,
      get: read(
        'getInsightExperiments',
        'Each experiment’s measure before and since, judged with control-chart signals',
        'The baseline’s natural process limits (XmR) and the signals since: a point outside them, a run of ' +
          'eight on one side, or three of four near a limit.',
        'InsightExperimentsResponse',
      ),
    },
    [openApiPath(INSIGHTS_ACTIONS_PATH)]: {
      parameters: TEAM_PARAMETERS,
      post: {
        ...actions,
        responses: {
          ...actions.responses,
          '400': codedError(
            `${BODY_REFUSED} invalid_week_start: weekStart is not a week of the team’s insights.`,
            ['invalid_parameter', 'invalid_json', 'invalid_week_start'],
          ),
        },
      },
    },
    [openApiPath(INSIGHTS_SETTINGS_PATH)]: {
      parameters: TEAM_PARAMETERS,
      put: {
        ...settings,
        responses: {
          ...settings.responses,
          '400': codedError(BODY_REFUSED, ['invalid_parameter', 'invalid_json']),
          '422': codedError(
            'digest_url_refused: digest.url is not an https Slack or Teams incoming webhook (or digests are not ' +
              'available here); unsupported_team_field: the team is scoped by a custom team field.',
            ['digest_url_refused', 'unsupported_team_field'],
          ),
        },
      },
    },
  };
}
