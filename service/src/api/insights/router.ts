import { Router } from 'express';
import { z } from 'zod';
import {
  insightActionSchema,
  insightRuleIdSchema,
  insightSettingsSchema,
} from '../../contract/insights/insights.ts';
import type { InsightsService } from '../../services/insights/service.ts';
import { TEAM_PATH } from '../flow/endpoints.ts';
import { asHttp, parseParameters, parseTeamPath } from '../params.ts';

export const INSIGHTS_PATH = `${TEAM_PATH}/insights`;

const previewQuerySchema = z.object({ rule: insightRuleIdSchema });

/**
 * GET the week's insights (readers); POST what the team did with one and PUT which rules are on (team
 * administrators, as the authorization table says); GET a rule's 13-week preview.
 */
export function createInsightsRouter(service: InsightsService): Router {
  const router = Router();
  router.get(INSIGHTS_PATH, async (request, response) => {
    response.json(await asHttp(() => service.weekly(parseTeamPath(request.params))));
  });
  router.get(`${INSIGHTS_PATH}/preview`, async (request, response) => {
    const team = parseTeamPath(request.params);
    const { rule } = parseParameters(previewQuerySchema, request.query, 'query');
    response.json(await asHttp(() => service.preview(team, rule)));
  });
  router.post(`${INSIGHTS_PATH}/actions`, async (request, response) => {
    const team = parseTeamPath(request.params);
    const action = parseParameters(insightActionSchema, request.body, 'body');
    response.json(await asHttp(() => service.act(team, action)));
  });
  router.put(`${INSIGHTS_PATH}/settings`, async (request, response) => {
    const team = parseTeamPath(request.params);
    const settings = parseParameters(insightSettingsSchema, request.body, 'body');
    response.json(await asHttp(() => service.saveSettings(team, settings)));
  });
  return router;
}
