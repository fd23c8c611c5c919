import { timingSafeEqual } from 'node:crypto';
import express, { Router, type Request } from 'express';
import { z } from 'zod';
import type { Logger } from '../../logger.ts';
import type { OrganizationStore, SyncJobQueue } from '../../storage/tenants.ts';
import { isHookEventType, STREAMS_FOR_EVENT } from '../../sync/hookEvents.ts';
import { errorBody, HttpError } from '../httpErrors.ts';

/** Only what is read from the service-hook envelope. */
const envelopeSchema = z.object({
  eventType: z.string().min(1),
  id: z.string().optional(),
});

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The basic-auth password set on the subscription, or the same secret in X-Seika-Hook-Secret. */
function presentedSecret(request: Request): string | undefined {
  const header = request.get('x-seika-hook-secret');
  if (header !== undefined) return header;
  const basic = request.get('authorization')?.match(/^Basic\s+(\S+)$/i)?.[1];
  if (basic === undefined) return undefined;
  const decoded = Buffer.from(basic, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}

/**
 * Receives Azure DevOps service-hook deliveries. An authenticated event brings the affected streams'
 * sync forward; the periodic full run still reconciles anything a lost event missed.
 */
export function createHooksRouter(dependencies: {
  organizations: OrganizationStore;
  jobs: SyncJobQueue;
  logger: Logger;
  onRequested?: () => void;
  now?: () => number;
}): Router {
  const router = Router();
  const now = dependencies.now ?? Date.now;
  router.post(
    '/hooks/azure-devops/:organization',
    express.json({ limit: '2mb' }),
    async (request, response) => {
      const organization = String(request.params['organization'] ?? '').toLowerCase();
      const credentials = await dependencies.organizations.credentials(organization);
      const secret = presentedSecret(request);
      if (credentials === undefined || secret === undefined || !sameSecret(secret, credentials.hookSecret)) {
        dependencies.logger.warn('rejected service-hook delivery', {
          organization,
          reason:
            credentials === undefined
              ? 'unknown organization'
              : secret === undefined
                ? 'no credentials'
                : 'wrong secret',
          remote: request.ip,
        });
        response
          .status(401)
          .json(errorBody(new HttpError(401, 'unauthorized', 'Service-hook credentials were not accepted.')));
        return;
      }
      const envelope = envelopeSchema.safeParse(request.body);
      if (!envelope.success) {
        throw new HttpError(
          400,
          'invalid_event',
          'The body is not an Azure DevOps service-hook event (no eventType).',
        );
      }
      const { eventType } = envelope.data;
      const streams = isHookEventType(eventType) ? STREAMS_FOR_EVENT[eventType] : [];
      if (streams.length > 0) {
        await dependencies.jobs.request(organization, streams, now());
        dependencies.onRequested?.();
      }
      dependencies.logger.info('service-hook event', {
        organization,
        eventType,
        streams: streams.join(',') || 'none',
      });
      response.status(202).json({ accepted: true, streams });
    },
  );
  return router;
}
