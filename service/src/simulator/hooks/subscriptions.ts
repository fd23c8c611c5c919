import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { errors } from '../errors.ts';
import { HOOK_EVENTS, isHookEventType } from './catalog.ts';
import type { HookEventType } from './catalog.ts';

export interface Subscription {
  readonly id: string;
  readonly publisherId: string;
  readonly eventType: HookEventType;
  readonly resourceVersion: string;
  readonly consumerId: string;
  readonly consumerActionId: string;
  readonly publisherInputs: Readonly<Record<string, string>>;
  readonly consumerInputs: Readonly<Record<string, string>>;
  readonly createdDate: number;
  modifiedDate: number;
  status: 'enabled' | 'onProbation' | 'disabledBySystem';
}

export const subscriptionInputSchema = z.object({
  publisherId: z.string(),
  eventType: z.string(),
  resourceVersion: z.string().nullish(),
  consumerId: z.string(),
  consumerActionId: z.string(),
  publisherInputs: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).nullish(),
  consumerInputs: z.record(z.string(), z.string()),
});

const HOOKS = 'Microsoft.VisualStudio.Services.ServiceHooks.WebApi';

/**
 * Web Hooks subscriptions. Unlike Azure DevOps Services (which refuses localhost targets and basic
 * authentication over plain HTTP), the simulator accepts any http(s) URL so tests can listen locally.
 */
export class SubscriptionStore {
  private readonly subscriptions = new Map<string, Subscription>();

  create(input: unknown, now: number): Subscription {
    const parsed = subscriptionInputSchema.safeParse(input);
    if (!parsed.success)
      throw errors.invalidArgument(
        'The subscription is not valid: publisherId, eventType, consumerId, consumerActionId and consumerInputs are required.',
      );
    const body = parsed.data;
    if (!isHookEventType(body.eventType) || HOOK_EVENTS[body.eventType].publisherId !== body.publisherId)
      throw errors.custom(
        400,
        'SubscriptionInputException',
        HOOKS,
        `Event type '${body.eventType}' of publisher '${body.publisherId}' is not supported.`,
      );
    if (body.consumerId !== 'webHooks' || body.consumerActionId !== 'httpRequest')
      throw errors.custom(
        400,
        'SubscriptionInputException',
        HOOKS,
        'Only the webHooks consumer with the httpRequest action is simulated.',
      );
    const url = body.consumerInputs.url ?? '';
    if (!/^https?:\/\/[^/]+/i.test(url))
      throw errors.custom(
        400,
        'SubscriptionInputException',
        HOOKS,
        "The consumer input 'url' must be an http(s) URL.",
      );
    const subscription: Subscription = {
      id: randomUUID(),
      publisherId: body.publisherId,
      eventType: body.eventType,
      resourceVersion: body.resourceVersion ?? HOOK_EVENTS[body.eventType].resourceVersion,
      consumerId: body.consumerId,
      consumerActionId: body.consumerActionId,
      publisherInputs: body.publisherInputs ?? {},
      consumerInputs: body.consumerInputs,
      createdDate: now,
      modifiedDate: now,
      status: 'enabled',
    };
    this.subscriptions.set(subscription.id, subscription);
    return subscription;
  }

  get(id: string): Subscription {
    const subscription = this.subscriptions.get(id.toLowerCase());
    if (!subscription)
      throw errors.notFound('SubscriptionNotFoundException', `Subscription ${id} was not found.`, HOOKS);
    return subscription;
  }

  delete(id: string): void {
    this.get(id);
    this.subscriptions.delete(id.toLowerCase());
  }

  list(): Subscription[] {
    return [...this.subscriptions.values()];
  }
}
