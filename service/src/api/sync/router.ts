import { Router } from 'express';
import type { SyncHealthReader } from '../../sync/healthReader.ts';
import { callerOf } from '../access/authorize.ts';

const TEAM = '/organizations/:organization/projects/:project/teams/:team';

/**
 * Sync health (what is syncing, paced, failed, stale, refused for a scope) and the records kept in
 * quarantine. The organization-level answers are for administrators (the route rules' default for
 * organization paths); the team path gives project readers the same health for the Flow hub's
 * freshness line.
 */
export function createSyncRouter(reader: SyncHealthReader): Router {
  const router = Router();

  router.get('/organizations/:organization/sync-health', async (_request, response) => {
    response.json(await reader.health(callerOf(response).organization.name));
  });

  router.get(`${TEAM}/sync-health`, async (_request, response) => {
    response.json(await reader.health(callerOf(response).organization.name));
  });

  router.get('/organizations/:organization/quarantine', async (_request, response) => {
    response.json(await reader.quarantine(callerOf(response).organization.name));
  });

  return router;
}
