/**
 * The sprint targets part of the OpenAPI document, from the contract's schemas: a team sprint's targets,
 * the suggested values, the outlook (with its scope) and the review.
 */
import { z } from 'zod';
import { sprintReviewResponseSchema } from '../../contract/targets/review.ts';
import {
  sprintOutlookResponseSchema,
  sprintTargetsResponseSchema,
} from '../../contract/targets/sprintTargets.ts';
import { targetSuggestionsResponseSchema } from '../../contract/targets/suggestions.ts';
import type { JsonSchema } from '../openapi/schemas.ts';
import { registryComponents, schemaRef } from '../openapi/schemas.ts';
import {
  SPRINT_OUTLOOK_PATH,
  SPRINT_REVIEW_PATH,
  SPRINT_TARGETS_PATH,
  TARGET_SUGGESTIONS_PATH,
} from './router.ts';

export const TARGETS_TAGS = [{ name: 'Sprint targets' }];

export function targetsComponentSchemas(): Record<string, JsonSchema> {
  const outputs = z.registry<{ id: string }>();
  outputs.add(sprintTargetsResponseSchema, { id: 'SprintTargetsResponse' });
  outputs.add(targetSuggestionsResponseSchema, { id: 'TargetSuggestionsResponse' });
  outputs.add(sprintOutlookResponseSchema, { id: 'SprintOutlookResponse' });
  outputs.add(sprintReviewResponseSchema, { id: 'SprintReviewResponse' });
  return registryComponents(outputs, 'output');
}

const openApiPath = (expressPath: string) => expressPath.replace(/:([A-Za-z]+)/g, '{$1}');
const response = (name: string) => ({ $ref: `#/components/responses/${name}` });
const pathParameter = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string', minLength: 1 },
});
const SPRINT_PARAMETERS = [
  pathParameter('organization', 'Azure DevOps organization name, as connected to Seika.'),
  pathParameter('project', 'Project name.'),
  pathParameter('team', 'Team name (case-insensitive).'),
  pathParameter('iterationId', 'The sprint: one of the team’s iterations (its id).'),
];
const IF_NONE_MATCH = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  description: 'An ETag from an earlier answer: 304 when it is still current.',
  schema: { type: 'string' },
};
const ERRORS = {
  '400': response('BadRequest'),
  '401': response('Unauthorized'),
  '404': response('NotFound'),
  '500': response('InternalError'),
};

function versionedGet(operationId: string, summary: string, description: string, schema: string) {
  return {
    get: {
      operationId,
      summary,
      description,
      tags: ['Sprint targets'],
      parameters: [IF_NONE_MATCH],
      responses: {
        '200': {
          description: summary,
          content: { 'application/json': { schema: schemaRef(schema) } },
          headers: { ETag: { schema: { type: 'string' } } },
        },
        '304': response('NotModified'),
        ...ERRORS,
      },
    },
  };
}

export function targetsPaths(): Record<string, Record<string, unknown>> {
  return {
    [openApiPath(SPRINT_TARGETS_PATH)]: {
      parameters: SPRINT_PARAMETERS,
      get: {
        operationId: 'getSprintTargets',
        summary: 'A team sprint’s goal and outcome targets (defaults when none are stored)',
        tags: ['Sprint targets'],
        responses: {
          '200': {
            description: 'The goal and targets.',
            content: { 'application/json': { schema: schemaRef('SprintTargetsResponse') } },
          },
          ...ERRORS,
        },
      },
    },
    [openApiPath(TARGET_SUGGESTIONS_PATH)]: {
      parameters: SPRINT_PARAMETERS,
      ...versionedGet(
        'getTargetSuggestions',
        'Suggested target values from the team’s last six ended sprints',
        'Per target kind (items finished, p% within N days, age guard, WIP ceiling): the value the team’s ' +
          'own recent sprints reached and in how many of them it would have been met, with the "too few ' +
          'to judge" flag when fewer than 5 items back it.',
        'TargetSuggestionsResponse',
      ),
    },
    [openApiPath(SPRINT_OUTLOOK_PATH)]: {
      parameters: SPRINT_PARAMETERS,
      ...versionedGet(
        'getSprintOutlook',
        'Each target’s standing and odds today, and the sprint’s scope',
        'Scope comes from the iteration membership history: counts per origin (planned, added, carried ' +
          'over once or twice) and removed items, which stay in the total and are listed with links.',
        'SprintOutlookResponse',
      ),
    },
    [openApiPath(SPRINT_REVIEW_PATH)]: {
      parameters: SPRINT_PARAMETERS,
      ...versionedGet(
        'getSprintReview',
        'The sprint review: verdicts, scope and the Keep/Problem/Try outline',
        'Verdicts from the final outlook (the day after the last day); the outline is pre-filled from the ' +
          'targets and the scope (added, carried over twice, removed).',
        'SprintReviewResponse',
      ),
    },
  };
}
