import { Router } from 'express';
import { z } from 'zod';
import { connectOrganizationRequestSchema } from '../../contract/index.ts';
import { CredentialsRefusedError, type OrganizationService } from '../../services/organizations/service.ts';
import { HttpError, invalidInput } from '../httpErrors.ts';

const organizationPathSchema = z.object({ organization: z.string().min(1) });

/** Connecting, listing and disconnecting organizations, and their sync progress. */
export function createOrganizationsRouter(service: OrganizationService): Router {
  const router = Router();

  router.get('/organizations', async (_request, response) => {
    response.json({ organizations: await service.list() });
  });

  router.post('/organizations', async (request, response) => {
    const body = connectOrganizationRequestSchema.safeParse(request.body ?? {});
    if (!body.success) throw invalidInput(body.error, 'body');
    try {
      response.status(201).json(await service.connect(body.data));
    } catch (error) {
      if (error instanceof CredentialsRefusedError) {
        throw new HttpError(422, 'credentials_refused', error.message, 'personalAccessToken');
      }
      throw error;
    }
  });

  router.delete('/organizations/:organization', async (request, response) => {
    const path = organizationPathSchema.safeParse(request.params);
    if (!path.success) throw invalidInput(path.error, 'path');
    await service.disconnect(path.data.organization);
    response.status(204).end();
  });

  router.get('/organizations/:organization/sync-status', async (request, response) => {
    const path = organizationPathSchema.safeParse(request.params);
    if (!path.success) throw invalidInput(path.error, 'path');
    response.json(await service.syncStatus(path.data.organization));
  });

  return router;
}
