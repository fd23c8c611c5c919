import type { Subscription } from './subscriptions.ts';
import type { HookEvent } from './payloads.ts';

/**
 * Whether an event passes a subscription's publisher inputs. Empty inputs match everything; areaPath
 * matches the area and below; changedFields needs one of the listed fields changed.
 */
export function passes(subscription: Subscription, event: HookEvent): boolean {
  if (subscription.status !== 'enabled' || subscription.eventType !== event.eventType) return false;
  for (const [name, wanted] of Object.entries(subscription.publisherInputs)) {
    if (wanted === '' || name === 'tfsSubscriptionId' || name === 'hostId') continue;
    const fact = event.facts[name];
    if (fact === undefined) continue;
    if (name === 'areaPath') {
      const area = String(fact).toLowerCase();
      const root = wanted.toLowerCase();
      if (area !== root && !area.startsWith(`${root}\\`)) return false;
    } else if (name === 'changedFields') {
      const wantedFields = wanted.split(',').map((field) => field.trim().toLowerCase());
      if (!(fact as readonly string[]).some((field) => wantedFields.includes(field.toLowerCase())))
        return false;
    } else if (Array.isArray(fact)) {
      if (!fact.includes(wanted)) return false;
    } else if (String(fact).toLowerCase() !== wanted.toLowerCase()) return false;
  }
  return true;
}
