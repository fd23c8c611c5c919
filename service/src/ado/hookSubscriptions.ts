import { z } from 'zod';
import { HOOK_EVENT_TYPES, HOOK_PUBLISHERS, type HookEventType } from './hookEventTypes.ts';
import type { AdoConnection } from './clients.ts';
import { AdoHttpError } from './http/retry.ts';

const createdSubscriptionSchema = z.object({ id: z.string().min(1), eventType: z.string() });

export interface HookTarget {
  /** Where Azure DevOps posts events (must be https on Azure DevOps Services when basic auth is used). */
  url: string;
  username: string;
  password: string;
}

export interface CreatedSubscription {
  id: string;
  eventType: HookEventType;
}

/**
 * Subscribes the organization's events to Seika's hook endpoint (needs a Project Collection Administrator's
 * PAT). If one subscription fails, the ones already made are deleted again, so nothing is left half-done.
 */
export async function createHookSubscriptions(
  connection: AdoConnection,
  target: HookTarget,
): Promise<CreatedSubscription[]> {
  const created: CreatedSubscription[] = [];
  try {
    for (const eventType of HOOK_EVENT_TYPES) {
      const { publisherId, resourceVersion } = HOOK_PUBLISHERS[eventType];
      const response = await connection.sendJson('POST', '_apis/hooks/subscriptions?api-version=7.1', {
        publisherId,
        eventType,
        resourceVersion,
        consumerId: 'webHooks',
        consumerActionId: 'httpRequest',
        publisherInputs: {},
        consumerInputs: {
          url: target.url,
          basicAuthUsername: target.username,
          basicAuthPassword: target.password,
          resourceDetailsToSend: 'minimal',
          messagesToSend: 'none',
          detailedMessagesToSend: 'none',
        },
      });
      const subscription = createdSubscriptionSchema.parse(response.body);
      created.push({ id: subscription.id, eventType });
    }
  } catch (error) {
    await deleteHookSubscriptions(
      connection,
      created.map((subscription) => subscription.id),
    ).catch(() => undefined);
    throw error;
  }
  return created;
}

/** Deletes subscriptions; one already gone (removed by an administrator) is not an error. */
export async function deleteHookSubscriptions(
  connection: AdoConnection,
  ids: readonly string[],
): Promise<void> {
  for (const id of ids) {
    try {
      await connection.sendJson(
        'DELETE',
        `_apis/hooks/subscriptions/${encodeURIComponent(id)}?api-version=7.1`,
      );
    } catch (error) {
      if (!(error instanceof AdoHttpError && error.status === 404)) throw error;
    }
  }
}
