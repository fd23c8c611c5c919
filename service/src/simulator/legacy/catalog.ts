import type { Random } from '../model/random.ts';
import type { LegacyType } from './types.ts';

/** Word lists for fictional but plausible work item titles and tags. */
const SUBJECTS = [
  'Checkout',
  'Cart',
  'Search',
  'Product page',
  'Sign-in',
  'Profile',
  'Order history',
  'Coupons',
];

const PHRASES: Record<LegacyType, readonly string[]> = {
  'User Story': [
    'pay with a saved card',
    'show delivery estimate',
    'filter by price range',
    'remember the last address',
    'apply a coupon code',
    'support Japanese address format',
    'show stock per store',
    'reorder from history',
  ],
  Bug: [
    'total rounds yen amounts wrongly',
    'button hidden on small screens',
    'error after session timeout',
    'duplicate items after refresh',
    'slow response with many results',
    'wrong date format in e-mail',
  ],
  Task: [
    'write API tests',
    'add telemetry events',
    'update translations',
    'refactor validation',
    'review accessibility',
    'add feature flag',
  ],
};

const TAGS = ['frontend', 'backend', 'customer', 'tech-debt', 'mobile', 'a11y'] as const;

export function makeTitle(random: Random, type: LegacyType): string {
  return `${random.pick(SUBJECTS)}: ${random.pick(PHRASES[type])}`;
}

export function makeTags(random: Random): string[] {
  const count = random.int(0, 2);
  const tags = new Set<string>();
  for (let i = 0; i < count; i += 1) tags.add(random.pick(TAGS));
  return [...tags].sort();
}
