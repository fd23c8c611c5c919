import type { HostContext } from './pageConfig.ts';
import type { ThemeData } from './themes.ts';

/** Identity of the extension as the preview presents it (from the manifest and dev overrides). */
export interface PreviewExtensionInfo {
  publisherId: string;
  extensionId: string;
  version: string;
}

export interface HandshakeInput {
  context: HostContext;
  extension: PreviewExtensionInfo;
  /** The hub's contribution id relative to the extension, e.g. "flow-hub". */
  contributionId: string;
  /** Absolute base URI hub `uri`s resolve against. */
  extensionBaseUri: string;
  culture: string;
  /** Organization-level pages (Organization settings) carry no project or team. */
  level: 'team' | 'organization';
  themeName: string;
  themeData: ThemeData;
}

/** Host type "Organization" in the SDK's HostType enum. */
const organizationHostType = 4;

/**
 * The answer to DevOps.HostControl.initialHandshake in the SDK's current (non-legacy) format: see
 * init() in azure-devops-extension-sdk/esm/SDK.js, which reads contributionId, context.{extension, user,
 * host, pageContext} and themeData.
 */
export function buildHandshakeResponse(input: HandshakeInput): Record<string, unknown> {
  const { context, extension } = input;
  return {
    contributionId: `${extension.publisherId}.${extension.extensionId}.${input.contributionId}`,
    initialConfig: {},
    themeData: input.themeData,
    context: {
      extension: {
        id: `${extension.publisherId}.${extension.extensionId}`,
        publisherId: extension.publisherId,
        extensionId: extension.extensionId,
        version: extension.version,
        baseUri: input.extensionBaseUri,
      },
      user: {
        id: context.user.id,
        name: context.user.name,
        displayName: context.user.displayName,
        descriptor: `aad.${context.user.id}`,
        imageUrl: '',
      },
      host: {
        id: context.organization,
        name: context.organization,
        serviceVersion: 'seika-preview',
        type: organizationHostType,
        isHosted: true,
      },
      pageContext: {
        webContext:
          input.level === 'organization'
            ? {}
            : {
                project: { id: context.project.id, name: context.project.name },
                team: { id: context.team.id, name: context.team.name },
              },
        globalization: {
          culture: input.culture,
          explicitTheme: input.themeName,
          theme: input.themeName,
          timeZoneId: 'UTC',
          timezoneOffset: 0,
          typeAheadDisabled: false,
        },
        timeZonesConfiguration: { daylightSavingsAdjustments: [] },
      },
    },
  };
}
