/**
 * The host page's view of the config the service injects (service/src/preview/previewPageConfig.ts).
 * It arrives as JSON in the page, so it is checked here rather than trusted; only the fields the page
 * uses are listed.
 */
export interface HostContext {
  organization: string;
  project: { id: string; name: string };
  team: { id: string; name: string };
  user: { id: string; name: string; displayName: string };
  theme: 'light' | 'dark';
}

export interface PageConfig {
  context: HostContext;
  extensionBaseUri: string;
  appTokenUrl: string;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null;
}

function text(object: Json, key: string, where: string): string {
  const value = object[key];
  if (typeof value !== 'string') {
    throw new Error(`Preview config: ${where}.${key} must be a string.`);
  }
  return value;
}

function child(object: Json, key: string, where: string): Json {
  const value = object[key];
  if (!isObject(value)) {
    throw new Error(`Preview config: ${where}.${key} must be an object.`);
  }
  return value;
}

function idAndName(object: Json, key: string): { id: string; name: string } {
  const value = child(object, key, 'context');
  return { id: text(value, 'id', key), name: text(value, 'name', key) };
}

export function parsePageConfig(raw: unknown): PageConfig {
  if (!isObject(raw)) {
    throw new Error('Preview config must be an object.');
  }
  const context = child(raw, 'context', 'config');
  const user = child(context, 'user', 'context');
  return {
    extensionBaseUri: text(raw, 'extensionBaseUri', 'config'),
    appTokenUrl: text(raw, 'appTokenUrl', 'config'),
    context: {
      organization: text(context, 'organization', 'context'),
      project: idAndName(context, 'project'),
      team: idAndName(context, 'team'),
      user: {
        id: text(user, 'id', 'user'),
        name: text(user, 'name', 'user'),
        displayName: text(user, 'displayName', 'user'),
      },
      theme: context.theme === 'dark' ? 'dark' : 'light',
    },
  };
}
