import { Router } from 'express';
import { teamFlowSettingsSchema } from '../../contract/index.ts';
import type { TeamSettingsService } from '../../services/teamSettings/service.ts';
import { TEAM_PATH } from '../flow/endpoints.ts';
import { asHttp, parseParameters, parseTeamPath } from '../params.ts';

export const TEAM_SETTINGS_PATH = `${TEAM_PATH}/flow/settings`;

/** GET, PUT (whole settings; omitted fields take their defaults) and DELETE (back to defaults). */
export function createTeamSettingsRouter(service: TeamSettingsService): Router {
  const router = Router();
  router.get(TEAM_SETTINGS_PATH, async (request, response) => {
    response.json(await asHttp(() => service.get(parseTeamPath(request.params))));
  });
  router.put(TEAM_SETTINGS_PATH, async (request, response) => {
    const path = parseTeamPath(request.params);
    const settings = parseParameters(teamFlowSettingsSchema, request.body, 'body');
    response.json(await asHttp(() => service.put(path, settings)));
  });
  router.delete(TEAM_SETTINGS_PATH, async (request, response) => {
    response.json(await asHttp(() => service.reset(parseTeamPath(request.params))));
  });
  return router;
}
