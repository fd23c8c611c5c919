import { Router } from 'express';
import { cycleTimeQuerySchema, teamPathSchema } from '../contract/index.ts';
import type { FlowService } from '../services/flowService.ts';
import { invalidInput } from './httpErrors.ts';

export const TEAM_PATH = '/organizations/:organization/projects/:project/teams/:team';

/** Parses and validates requests, then delegates; no metric logic here. */
export function createFlowRouter(flowService: FlowService): Router {
  const router = Router();
  router.get(`${TEAM_PATH}/flow/cycle-time`, async (request, response) => {
    const path = teamPathSchema.safeParse(request.params);
    if (!path.success) throw invalidInput(path.error, 'path');
    const query = cycleTimeQuerySchema.safeParse(request.query);
    if (!query.success) throw invalidInput(query.error, 'query');
    response.json(await flowService.cycleTime(path.data, query.data));
  });
  return router;
}
