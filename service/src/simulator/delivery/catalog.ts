import type { Random } from '../model/random.ts';

/** Word lists for fictional but plausible pull requests, commits and incidents. */
const AREAS = [
  'checkout',
  'cart',
  'search',
  'profile',
  'orders',
  'payments',
  'catalog',
  'auth',
  'api',
  'build',
];
const VERBS = [
  'Add',
  'Fix',
  'Refactor',
  'Improve',
  'Update',
  'Remove',
  'Speed up',
  'Harden',
  'Simplify',
  'Document',
];
const OBJECTS = [
  'validation of the address form',
  'retry on payment timeout',
  'pagination of order history',
  'cache headers for product images',
  'logging of failed sign-ins',
  'feature flag for the new cart',
  'accessibility labels',
  'unit tests for price rounding',
  'error page copy',
  'database index for search',
  'dependency versions',
  'telemetry for checkout steps',
];
const COMMIT_PHRASES = [
  'wip',
  'address review comments',
  'fix lint',
  'add tests',
  'rename variables',
  'handle empty state',
  'update snapshots',
  'tidy up',
];
const SYMPTOMS = [
  'checkout returns 500 for some cards',
  'search results empty in production',
  'sign-in loop on mobile Safari',
  'order confirmation e-mails delayed',
  'cart total wrong for yen amounts',
  'API latency above 2 s',
  'images fail to load from CDN',
  'payment webhook rejected',
];

export function pullRequestTitle(random: Random): { title: string; slug: string } {
  const area = random.pick(AREAS);
  const title = `${random.pick(VERBS)} ${random.pick(OBJECTS)} in ${area}`;
  return {
    title,
    slug: `${area}-${title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 24)
      .replace(/-+$/, '')}`,
  };
}

export function commitPhrase(flavor: number): string {
  return COMMIT_PHRASES[flavor % COMMIT_PHRASES.length] ?? 'update';
}

export function incidentTitle(random: Random): string {
  return `Incident: ${random.pick(SYMPTOMS)}`;
}
