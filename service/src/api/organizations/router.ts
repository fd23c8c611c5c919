import { Router } from 'express';
import { z } from 'zod';
import { connectOrganizationRequestSchema } from '../../contract/index.ts';
import { ConnectError, type OrganizationService } from '../../services/organizations/service.ts';
import { callerOf, verifiedOf } from '../access/authorize.ts';
import { HttpError, invalidInput } from '../httpErrors.ts';

const disconnectQuerySchema = z.object({ deleteData: z.enum(['true', 'false']).default('false') });

/** Connect problems are the caller's input or Azure DevOps answering: 4xx naming the problem. */
function connectHttpError(error: ConnectError): HttpError {
  const status = error.problem === 'organization_name_taken' ? 409 : 422;
  return new HttpError(status, error.problem, error.message, error.parameter);
}

/**
 * Connecting, listing and disconnecting organizations, their sync progress and audit log. Who may do
 * each is decided by the authorization layer (api/access) before these handlers run.
 */
export function createOrganizationsRouter(service: OrganizationService): Router {
  const router = Router();

  router.get('/organizations', async (_request, response) => {
    const verified = verifiedOf(response);
    const organization =
      verified.kind === 'listing' && verified.caller !== undefined ? verified.organization : undefined;
    response.json({ organizations: organization === undefined ? [] : await service.list(organization) });
  });

  router.post('/organizations', async (request, response) => {
    const verified = verifiedOf(response);
    if (verified.kind !== 'administratorAt') throw new Error('connect ran without its guard');
    const body = connectOrganizationRequestSchema.safeParse(request.body ?? {});
    if (!body.success) throw invalidInput(body.error, 'body');
    try {
      response.status(201).json(await service.connect(body.data, verified.identity));
    } catch (error) {
      if (error instanceof ConnectError) throw connectHttpError(error);
      throw error;
    }
  });

  router.delete('/organizations/:organization', async (request, response) => {
    const caller = callerOf(response);
    const query = disconnectQuerySchema.safeParse(request.query);
    if (!query.success) throw invalidInput(query.error, 'query');
    await service.disconnect(caller.organization.name, caller, {
      deleteData: query.data.deleteData === 'true',
    });
    response.status(204).end();
  });

  router.get('/organizations/:organization/sync-status', async (_request, response) => {
    response.json(await service.syncStatus(callerOf(response).organization.name));
  });

  router.get('/organizations/:organization/audit', async (_request, response) => {
    response.json(await service.auditLog(callerOf(response).organization.name));
  });

  return router;
}
