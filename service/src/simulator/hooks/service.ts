import type { EventBus, OrganizationEvent } from '../engine/events.ts';
import type { PayloadContext } from '../payloads/common.ts';
import { SubscriptionStore } from './subscriptions.ts';
import type { Subscription } from './subscriptions.ts';
import { envelope, hookEvent } from './payloads.ts';
import { passes } from './filters.ts';

export interface HookOptions {
  /** Waits before each retry of a failed delivery (the service retries a few times). */
  readonly retryDelaysMs?: readonly number[];
  /** Per-attempt timeout. */
  readonly timeoutMs?: number;
}

export interface HookDelivery {
  readonly subscriptionId: string;
  readonly notificationId: number;
  readonly eventType: string;
  readonly url: string;
  readonly attempt: number;
  /** HTTP status of the consumer's answer; 0 when the request failed. */
  readonly status: number;
  readonly error?: string;
  readonly at: number;
  readonly body: Record<string, unknown>;
}

/** Basic auth and `httpHeaders` ("Key:value" lines) from the consumer inputs. */
export function requestHeaders(subscription: Subscription): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' };
  const inputs = subscription.consumerInputs;
  if (inputs.basicAuthUsername !== undefined || inputs.basicAuthPassword !== undefined)
    headers.Authorization = `Basic ${Buffer.from(`${inputs.basicAuthUsername ?? ''}:${inputs.basicAuthPassword ?? ''}`).toString('base64')}`;
  for (const line of (inputs.httpHeaders ?? '').split(/\r?\n/)) {
    const separator = line.indexOf(':');
    if (separator > 0) headers[line.slice(0, separator).trim()] = line.slice(separator + 1).trim();
  }
  return headers;
}

/**
 * Subscriptions and deliveries: every organization change after the start is matched against the
 * subscriptions and POSTed to their URLs (the payload is built at once, so it shows the state of that
 * moment). Deliveries run in the background; `flush()` waits for them.
 */
export class HookService {
  readonly subscriptions = new SubscriptionStore();
  readonly deliveries: HookDelivery[] = [];
  private readonly pending = new Set<Promise<void>>();
  private notificationId = 0;

  constructor(
    private readonly context: () => PayloadContext,
    private readonly options: HookOptions = {},
  ) {}

  attach(events: EventBus): void {
    events.listen((event, at) => this.publish(event, at));
  }

  publish(event: OrganizationEvent, at: number): void {
    const subscriptions = this.subscriptions.list();
    if (subscriptions.length === 0) return;
    const context = this.context();
    const hook = hookEvent(context, event);
    if (!hook) return;
    for (const subscription of subscriptions) {
      if (!passes(subscription, hook)) continue;
      const body = envelope(context, subscription.id, ++this.notificationId, hook, at);
      const delivery = this.deliver(subscription, body, this.notificationId, at);
      this.pending.add(delivery);
      void delivery.finally(() => this.pending.delete(delivery));
    }
  }

  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  private async deliver(
    subscription: Subscription,
    body: Record<string, unknown>,
    notificationId: number,
    at: number,
  ): Promise<void> {
    const delays = this.options.retryDelaysMs ?? [1000, 5000];
    const url = subscription.consumerInputs.url ?? '';
    for (let attempt = 1; attempt <= delays.length + 1; attempt += 1) {
      let status = 0;
      let error: string | undefined;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: requestHeaders(subscription),
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
        });
        status = response.status;
        await response.arrayBuffer();
      } catch (reason) {
        error = reason instanceof Error ? reason.message : String(reason);
      }
      this.deliveries.push({
        subscriptionId: subscription.id,
        notificationId,
        eventType: subscription.eventType,
        url,
        attempt,
        status,
        at,
        body,
        ...(error === undefined ? {} : { error }),
      });
      if (status >= 200 && status < 300) return;
      const wait = delays[attempt - 1];
      if (wait === undefined) return;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
