import { describe, expect, it } from 'vitest';
import {
  buildHandshakeResponse,
  type HandshakeInput,
} from '../../../../extension/src/preview-host/handshake.ts';
import { parsePageConfig, type PageConfig } from '../../../../extension/src/preview-host/pageConfig.ts';
import { themes } from '../../../../extension/src/preview-host/themes.ts';

const validConfig: PageConfig = {
  context: {
    organization: 'contoso',
    project: { id: 'p-1', name: 'Fabrikam' },
    team: { id: 't-1', name: 'Web' },
    user: { id: 'u-1', name: 'ada@contoso.example', displayName: 'Ada Lovelace' },
    theme: 'dark',
  },
  extensionBaseUri: '/',
  appTokenUrl: '/preview/app-token',
};

/** A copy of the valid config with one value replaced (or removed when `value` is undefined). */
function withField(path: readonly string[], value: unknown): unknown {
  const copy: unknown = structuredClone(validConfig);
  let target: unknown = copy;
  for (const key of path.slice(0, -1)) {
    target = typeof target === 'object' && target !== null ? Reflect.get(target, key) : undefined;
  }
  const last = path.at(-1);
  if (typeof target === 'object' && target !== null && last !== undefined) {
    if (value === undefined) {
      Reflect.deleteProperty(target, last);
    } else {
      Reflect.set(target, last, value);
    }
  }
  return copy;
}

describe('parsePageConfig', () => {
  it('accepts the config the service writes, dropping fields the page does not use', () => {
    const written = {
      ...validConfig,
      context: { ...validConfig.context, organizationUrl: 'https://dev.azure.com/contoso/' },
    };
    expect(parsePageConfig(written)).toEqual(validConfig);
  });

  it.each([
    { theme: 'dark', expected: 'dark' },
    { theme: 'light', expected: 'light' },
    { theme: 'high-contrast', expected: 'light' },
    { theme: undefined, expected: 'light' },
  ])('reads theme $theme as $expected', ({ theme, expected }) => {
    expect(parsePageConfig(withField(['context', 'theme'], theme)).context.theme).toBe(expected);
  });

  it.each([
    { name: 'null', raw: null, message: 'Preview config must be an object.' },
    { name: 'a string', raw: '{}', message: 'Preview config must be an object.' },
    {
      name: 'no context',
      raw: withField(['context'], undefined),
      message: 'config.context must be an object.',
    },
    {
      name: 'no app token URL',
      raw: withField(['appTokenUrl'], undefined),
      message: 'config.appTokenUrl must be a string.',
    },
    {
      name: 'a numeric base URI',
      raw: withField(['extensionBaseUri'], 1),
      message: 'config.extensionBaseUri must be a string.',
    },
    {
      name: 'no organization',
      raw: withField(['context', 'organization'], undefined),
      message: 'context.organization must be a string.',
    },
    {
      name: 'no user',
      raw: withField(['context', 'user'], undefined),
      message: 'context.user must be an object.',
    },
    {
      name: 'a user without a display name',
      raw: withField(['context', 'user', 'displayName'], undefined),
      message: 'user.displayName must be a string.',
    },
    {
      name: 'a project given as a string',
      raw: withField(['context', 'project'], 'Fabrikam'),
      message: 'context.project must be an object.',
    },
    {
      name: 'a team without a name',
      raw: withField(['context', 'team', 'name'], undefined),
      message: 'team.name must be a string.',
    },
  ])('rejects $name', ({ raw, message }) => {
    expect(() => parsePageConfig(raw)).toThrow(message);
  });
});

describe('buildHandshakeResponse', () => {
  const input: HandshakeInput = {
    context: validConfig.context,
    extension: { publisherId: 'seika', extensionId: 'flow-metrics', version: '0.1.7' },
    contributionId: 'flow-hub',
    extensionBaseUri: 'http://localhost:4300/extension/',
    culture: 'ja-JP',
    level: 'team',
    themeName: 'dark',
    themeData: themes.dark,
  };

  it('names the contribution and the extension by their full ids', () => {
    const response = buildHandshakeResponse(input);
    expect(response.contributionId).toBe('seika.flow-metrics.flow-hub');
    expect(response).toMatchObject({
      context: {
        extension: {
          id: 'seika.flow-metrics',
          publisherId: 'seika',
          extensionId: 'flow-metrics',
          version: '0.1.7',
          baseUri: 'http://localhost:4300/extension/',
        },
      },
    });
  });

  it('hands the hub its organization, project, team, user, culture and theme', () => {
    expect(buildHandshakeResponse(input)).toMatchObject({
      themeData: themes.dark,
      context: {
        user: { id: 'u-1', name: 'ada@contoso.example', displayName: 'Ada Lovelace', descriptor: 'aad.u-1' },
        host: { name: 'contoso', type: 4 },
        pageContext: {
          webContext: { project: { id: 'p-1', name: 'Fabrikam' }, team: { id: 't-1', name: 'Web' } },
          globalization: { culture: 'ja-JP', theme: 'dark', explicitTheme: 'dark' },
        },
      },
    });
  });
});

describe('buildHandshakeResponse for an organization-level page', () => {
  it('leaves out the project and team, as Organization settings pages have none', () => {
    const response = buildHandshakeResponse({
      context: validConfig.context,
      extension: { publisherId: 'seika', extensionId: 'flow-metrics', version: '0.1.7' },
      contributionId: 'admin-hub',
      extensionBaseUri: 'http://localhost:4300/extension/',
      culture: 'en-US',
      level: 'organization',
      themeName: 'light',
      themeData: themes.light,
    });
    expect(response).toMatchObject({
      contributionId: 'seika.flow-metrics.admin-hub',
      context: {
        host: { name: 'contoso' },
        pageContext: { globalization: { culture: 'en-US', theme: 'light' } },
      },
    });
    const context: unknown = response.context;
    const pageContext: unknown =
      typeof context === 'object' && context !== null ? Reflect.get(context, 'pageContext') : undefined;
    const webContext: unknown =
      typeof pageContext === 'object' && pageContext !== null
        ? Reflect.get(pageContext, 'webContext')
        : undefined;
    expect(webContext).toEqual({});
  });
});

describe('preview themes', () => {
  it('define the same variables in light and dark', () => {
    expect(Object.keys(themes.dark).sort()).toEqual(Object.keys(themes.light).sort());
  });

  it.each(['palette-primary', 'palette-neutral-8', 'text-primary-color', 'text-secondary-color'])(
    'define --%s, which the chart reads',
    (variable) => {
      expect(themes.light[variable]).toBeTruthy();
      expect(themes.dark[variable]).toBeTruthy();
    },
  );
});
