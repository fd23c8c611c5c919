import { Router } from 'express';
import {
  accessCapabilitiesQuerySchema,
  type AccessCapabilitiesResponse,
} from '../../contract/access/capabilities.ts';
import type { AccessService } from '../../services/access/accessService.ts';
import type { Requirement } from '../../services/access/requirements.ts';
import { USER_TOKEN_HEADER } from '../../contract/access/headers.ts';
import { invalidInput } from '../httpErrors.ts';
import { callerOf } from './authorize.ts';

/**
 * GET /organizations/{org}/access?project&team: what the (verified) caller may do, for hubs to show only
 * the controls they may use. The service still decides every request.
 */
export function createAccessRouter(access: AccessService): Router {
  const router = Router();
  router.get('/organizations/:organization/access', async (request, response) => {
    const caller = callerOf(response);
    const query = accessCapabilitiesQuerySchema.safeParse(request.query);
    if (!query.success) throw invalidInput(query.error, 'query');
    const { project, team } = query.data;
    const base = {
      appUserId: caller.userId,
      userToken: request.get(USER_TOKEN_HEADER)?.trim() ?? '',
      organization: caller.organization.name,
    };
    const can = (requirement: Requirement) => access.can({ ...base, requirement });
    const [collectionAdministrator, projectAdministrator, teamAdministrator] = await Promise.all([
      can({ role: 'collectionAdministrator' }),
      project === undefined ? false : can({ role: 'projectAdministrator', project }),
      project === undefined || team === undefined ? false : can({ role: 'teamAdministrator', project, team }),
    ]);
    const answer: AccessCapabilitiesResponse = {
      organization: caller.organization.name,
      user: { id: caller.userId, displayName: caller.displayName },
      collectionAdministrator,
      project: project === undefined ? null : { name: project, administrator: projectAdministrator },
      team: team === undefined ? null : { name: team, administrator: teamAdministrator },
    };
    response.set('Cache-Control', 'private, no-store').json(answer);
  });
  return router;
}
