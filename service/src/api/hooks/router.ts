import { timingSafeEqual } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Logger } from '../../logger.ts';
import type { OrganizationStore, SyncJobQueue } from '../../storage/tenants.ts';
import { isHookEventType, STREAMS_FOR_EVENT } from '../../sync/hookEvents.ts';
import { errorBody, HttpError } from '../httpErrors.ts';

/** Only what is read from the service-hook envelope. */
const envelopeSchema = z.object({
  eventType: z.string().min(1).max(200),
  id: z.string().min(1).max(200),
  createdDate: z.string().optional(),
});

/** Deliveries created longer ago than this are dropped: a captured delivery cannot be replayed later. */
export const HOOK_DELIVERY_WINDOW_MS = 60 * 60_000;
const MAX_HOOK_BODY = '512kb';

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
 * Receives Azure DevOps service-hook deliveries: credentials are checked before the body is read (a
 * cheap header check), then a bounded body is parsed; duplicates (same event id) and deliveries older
 * than HOOK_DELIVERY_WINDOW_MS are dropped; every rejection is logged. An accepted event brings the
 * affected streams' sync forward; the periodic full run still reconciles anything a lost event missed.
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
  const { logger } = dependencies;
  const reject = (request: Request, response: Response, status: number, reason: string, message: string) => {
    logger.warn('rejected service-hook delivery', {
      organization: String(request.params['organization'] ?? '').slice(0, 100),
      reason,
      remote: request.ip,
    });
    response
      .status(status)
      .json(errorBody(new HttpError(status, status === 401 ? 'unauthorized' : 'rejected', message)));
  };

  router.post(
    '/hooks/azure-devops/:organization',
    async (request, response, next) => {
      const organization = String(request.params['organization'] ?? '').toLowerCase();
      const secret = presentedSecret(request);
      if (secret === undefined) {
        reject(request, response, 401, 'no credentials', 'Service-hook credentials were not accepted.');
        return;
      }
      const credentials = await dependencies.organizations.credentials(organization);
      if (credentials === undefined || !sameSecret(secret, credentials.hookSecret)) {
        const reason = credentials === undefined ? 'unknown organization' : 'wrong secret';
        reject(request, response, 401, reason, 'Service-hook credentials were not accepted.');
        return;
      }
      response.locals['hookOrganization'] = credentials.name;
      next();
    },
    express.json({ limit: MAX_HOOK_BODY }),
    async (request, response) => {
      const organization = String(response.locals['hookOrganization']);
      const envelope = envelopeSchema.safeParse(request.body);
      if (!envelope.success) {
        reject(
          request,
          response,
          400,
          'not an event',
          'The body is not an Azure DevOps service-hook event (eventType and id).',
        );
        return;
      }
      const { eventType, id, createdDate } = envelope.data;
      const receivedAt = now();
      const created = createdDate === undefined ? Number.NaN : Date.parse(createdDate);
      if (
        Number.isNaN(created) ||
        receivedAt - created > HOOK_DELIVERY_WINDOW_MS ||
        created - receivedAt > 5 * 60_000
      ) {
        reject(
          request,
          response,
          400,
          'outside the delivery window',
          'The event is too old (or dated in the future).',
        );
        return;
      }
      if (
        !(await dependencies.organizations.firstDelivery(
          organization,
          id,
          receivedAt,
          HOOK_DELIVERY_WINDOW_MS,
        ))
      ) {
        logger.warn('rejected service-hook delivery', { organization, reason: 'duplicate', eventId: id });
        // 200: the delivery was received before; Azure DevOps must not retry it.
        response.status(200).json({ accepted: false, duplicate: true, streams: [] });
        return;
      }
      const streams = isHookEventType(eventType) ? STREAMS_FOR_EVENT[eventType] : [];
      if (streams.length > 0) {
        await dependencies.jobs.request(organization, streams, receivedAt);
        dependencies.onRequested?.();
      }
      logger.info('service-hook event', { organization, eventType, streams: streams.join(',') || 'none' });
      response.status(202).json({ accepted: true, streams });
    },
  );
  return router;
}
