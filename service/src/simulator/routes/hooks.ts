import { list, ok } from '../http.ts';
import type { RequestContext } from '../http.ts';
import { date } from '../payloads/common.ts';
import { HOOK_EVENTS } from '../hooks/catalog.ts';
import type { Subscription } from '../hooks/subscriptions.ts';
import type { Route } from './route.ts';

function subscriptionPayload(context: RequestContext, subscription: Subscription) {
  const creator = { id: context.model.identities[0]?.id };
  const host = new URL(subscription.consumerInputs.url ?? 'http://invalid').host;
  const tfs =
    subscription.publisherId === 'tfs'
      ? { hostId: context.model.organizationId, tfsSubscriptionId: subscription.id }
      : {};
  return {
    id: subscription.id,
    url: `${context.organizationUrl}/_apis/hooks/subscriptions/${subscription.id}`,
    status: subscription.status,
    publisherId: subscription.publisherId,
    eventType: subscription.eventType,
    resourceVersion: subscription.resourceVersion,
    eventDescription: HOOK_EVENTS[subscription.eventType].name,
    consumerId: subscription.consumerId,
    consumerActionId: subscription.consumerActionId,
    actionDescription: `To host ${host}`,
    createdBy: creator,
    createdDate: date(subscription.createdDate),
    modifiedBy: creator,
    modifiedDate: date(subscription.modifiedDate),
    publisherInputs: { ...subscription.publisherInputs, ...tfs },
    consumerInputs: subscription.consumerInputs,
  };
}

export const hookRoutes: readonly Route[] = [
  {
    methods: ['GET', 'POST'],
    scope: 'organization',
    pattern: 'hooks/subscriptions',
    location: 'hooksSubscriptions',
    handle: async (context) => {
      const { hooks } = context.runtime;
      if (context.method === 'POST') {
        const subscription = hooks.subscriptions.create(await context.readBody(), context.now);
        return ok(subscriptionPayload(context, subscription));
      }
      const filters = ['publisherId', 'eventType', 'consumerId', 'consumerActionId'] as const;
      const matching = hooks.subscriptions.list().filter((subscription) =>
        filters.every((name) => {
          const wanted = context.query.get(name);
          return wanted === null || wanted === '' || subscription[name] === wanted;
        }),
      );
      return list(matching.map((subscription) => subscriptionPayload(context, subscription)));
    },
  },
  {
    methods: ['GET', 'DELETE'],
    scope: 'organization',
    pattern: 'hooks/subscriptions/:subscriptionId',
    location: 'hooksSubscriptions',
    handle: (context, { values }) => {
      const { subscriptions } = context.runtime.hooks;
      const id = values.subscriptionId ?? '';
      if (context.method === 'DELETE') {
        subscriptions.delete(id);
        return { status: 204, body: undefined };
      }
      return ok(subscriptionPayload(context, subscriptions.get(id)));
    },
  },
  {
    methods: ['GET'],
    scope: 'organization',
    pattern: 'hooks/subscriptions/:subscriptionId/notifications',
    location: 'hooksSubscriptions',
    handle: (context, { values }) => {
      const subscription = context.runtime.hooks.subscriptions.get(values.subscriptionId ?? '');
      const deliveries = context.runtime.hooks.deliveries.filter(
        (delivery) => delivery.subscriptionId === subscription.id,
      );
      return list(
        deliveries.map((delivery) => ({
          id: delivery.notificationId,
          subscriptionId: delivery.subscriptionId,
          eventType: delivery.eventType,
          status: 'completed',
          result: delivery.status >= 200 && delivery.status < 300 ? 'succeeded' : 'failed',
          createdDate: date(delivery.at),
          details: { attempt: delivery.attempt, statusCode: delivery.status, error: delivery.error ?? null },
        })),
      );
    },
  },
  {
    methods: ['GET'],
    scope: 'organization',
    pattern: 'hooks/publishers/:publisherId/eventtypes',
    location: 'hooksPublishers',
    handle: (context, { values }) => {
      const publisher = values.publisherId ?? '';
      return list(
        Object.entries(HOOK_EVENTS)
          .filter(([, event]) => event.publisherId === publisher)
          .map(([id, event]) => ({
            publisherId: publisher,
            id,
            url: `${context.organizationUrl}/_apis/hooks/publishers/${publisher}/eventTypes/${id}`,
            name: event.name,
            description: event.name,
            supportedResourceVersions: [event.resourceVersion],
            inputDescriptors: event.inputs.map((input) => ({
              id: input,
              name: input,
              inputMode: 'combo',
              isConfidential: false,
              useInDefaultDescription: false,
            })),
          })),
      );
    },
  },
];
