import { createHookSubscriptions } from '../../ado/hookSubscriptions.ts';
import type { AdoConnectionFactory } from '../../ado/clients.ts';
import type { HookSetup } from '../../contract/index.ts';
import type { Logger } from '../../logger.ts';
import type { OrganizationStore } from '../../storage/tenants.ts';

const HOOK_USERNAME = 'seika';

/**
 * Subscribes Seika's receiver to the organization's service hooks, authenticated by basic auth with the
 * organization's own hook secret. Never fails the connect: the periodic sync covers what hooks would.
 */
export async function subscribeToHooks(
  dependencies: {
    createConnection: AdoConnectionFactory;
    organizations: OrganizationStore;
    logger: Logger;
    publicUrl: string | undefined;
  },
  { name, url, pat, hookSecret }: { name: string; url: string; pat: string; hookSecret: string },
): Promise<HookSetup> {
  if (dependencies.publicUrl === undefined) {
    return {
      status: 'skipped',
      subscriptions: 0,
      message: 'SEIKA_PUBLIC_URL is not set; changes arrive with the periodic sync.',
    };
  }
  try {
    const connection = dependencies.createConnection({ organizationUrl: url, personalAccessToken: pat });
    const created = await createHookSubscriptions(connection, {
      url: `${dependencies.publicUrl.replace(/\/+$/, '')}/hooks/azure-devops/${encodeURIComponent(name)}`,
      username: HOOK_USERNAME,
      password: hookSecret,
    });
    await dependencies.organizations.saveHookSubscriptions(name, created);
    return {
      status: 'subscribed',
      subscriptions: created.length,
      message: `Subscribed to ${created.length} event types.`,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    dependencies.logger.warn('service-hook subscription failed', { organization: name, error: message });
    return {
      status: 'failed',
      subscriptions: 0,
      message: `Could not create service-hook subscriptions (a Project Collection Administrator's PAT is needed): ${message}`,
    };
  }
}
