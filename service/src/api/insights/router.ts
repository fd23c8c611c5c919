import { Router } from 'express';
import { z } from 'zod';
import {
  insightActionSchema,
  insightRuleIdSchema,
  insightSettingsSchema,
} from '../../contract/insights/insights.ts';
import { DigestUrlError } from '../../services/insights/digestUrl.ts';
import { InsightWeekError } from '../../services/insights/errors.ts';
import type { InsightsService } from '../../services/insights/service.ts';
import { HttpError } from '../httpErrors.ts';
import { TEAM_PATH } from '../flow/endpoints.ts';
import { asHttp, parseParameters, parseTeamPath } from '../params.ts';

export const INSIGHTS_PATH = `${TEAM_PATH}/insights`;
export const INSIGHTS_PREVIEW_PATH = `${INSIGHTS_PATH}/preview`;
export const INSIGHTS_EXPERIMENTS_PATH = `${INSIGHTS_PATH}/experiments`;
export const INSIGHTS_ACTIONS_PATH = `${INSIGHTS_PATH}/actions`;
export const INSIGHTS_SETTINGS_PATH = `${INSIGHTS_PATH}/settings`;

export const insightPreviewQuerySchema = z.object({ rule: insightRuleIdSchema });

/**
 * GET the week's insights (readers); POST what the team did with one and PUT which rules are on (team
 * administrators, as the authorization table says); GET a rule's 13-week preview and the team's experiments,
 * judged with control-chart signals.
 */
export function createInsightsRouter(service: InsightsService): Router {
  const router = Router();
  router.get(INSIGHTS_PATH, async (request, response) => {
    response.json(await asHttp(() => service.weekly(parseTeamPath(request.params))));
  });
  router.get(INSIGHTS_PREVIEW_PATH, async (request, response) => {
    const team = parseTeamPath(request.params);
    const { rule } = parseParameters(insightPreviewQuerySchema, request.query, 'query');
    response.json(await asHttp(() => service.preview(team, rule)));
  });
  router.get(INSIGHTS_EXPERIMENTS_PATH, async (request, response) => {
    response.json(await asHttp(() => service.experiments(parseTeamPath(request.params))));
  });
  router.post(INSIGHTS_ACTIONS_PATH, async (request, response) => {
    const team = parseTeamPath(request.params);
    const action = parseParameters(insightActionSchema, request.body, 'body');
    try {
      response.json(await asHttp(() => service.act(team, action)));
    } catch (error) {
      if (error instanceof InsightWeekError) {
        throw new HttpError(400, error.code, error.message, error.parameter);
      }
      throw error;
    }
  });
  router.put(INSIGHTS_SETTINGS_PATH, async (request, response) => {
    const team = parseTeamPath(request.params);
    const settings = parseParameters(insightSettingsSchema, request.body, 'body');
    try {
      response.json(await asHttp(() => service.saveSettings(team, settings)));
    } catch (error) {
      if (error instanceof DigestUrlError) {
        throw new HttpError(422, 'digest_url_refused', error.message, 'digest.url');
      }
      throw error;
    }
  });
  return router;
}
