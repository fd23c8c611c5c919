import { Router } from 'express';
import { projectPathSchema } from '../../contract/index.ts';
import type { TeamsService } from '../../services/teams/service.ts';
import { invalidInput } from '../httpErrors.ts';

export const TEAMS_PATH = '/organizations/:organization/projects/:project/teams';

/** GET the project's synchronised teams (anyone who can see the project). */
export function createTeamsRouter(service: TeamsService): Router {
  const router = Router();
  router.get(TEAMS_PATH, async (request, response) => {
    const path = projectPathSchema.safeParse(request.params);
    if (!path.success) throw invalidInput(path.error, 'path');
    response.json(await service.list(path.data));
  });
  return router;
}
