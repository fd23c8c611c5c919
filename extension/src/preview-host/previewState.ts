import type { PreviewExtensionInfo } from './handshake.ts';
import { parsePageConfig, type PageConfig } from './pageConfig.ts';
import type { ThemeName } from './themes.ts';

/** A dashboard cell count, as a widget's `supportedSizes` lists them. */
export interface WidgetSize {
  rowSpan: number;
  columnSpan: number;
}

/** A hub contribution as listed by the build from the hub's manifest fragment. */
export interface PreviewHub {
  id: string;
  name: string;
  uri: string;
  targets: string[];
  /** Only for dashboard widgets: their supported sizes, the default first. */
  widgetSizes?: WidgetSize[];
  /** Only for configurable widgets: the configuration contribution. */
  configuration?: { id: string; uri: string };
}

/** Written by the Vite build next to the host page (preview-host/extension.json). */
export interface PreviewExtensionListing extends PreviewExtensionInfo {
  hubs: PreviewHub[];
}

/** The host page's own settings, kept in the query string so a reload (or a test) can set them. */
export interface PreviewSettings {
  hubId: string | undefined;
  theme: ThemeName;
  culture: string;
  /** A widget's size as "<columns>x<rows>" (`?size=4x2`); its default size when absent. */
  widgetSize: string | undefined;
  /** `?configure=1`: the widget's configuration panel is open beside it, as in a dashboard's edit mode. */
  configureWidget: boolean;
}

const configElementId = 'seika-preview-config';

export function readPageConfig(): PageConfig {
  const element = document.getElementById(configElementId);
  if (!element?.textContent) {
    throw new Error('This page must be opened through the Seika service (GET / of the preview router).');
  }
  return parsePageConfig(JSON.parse(element.textContent));
}

export async function fetchExtensionListing(): Promise<PreviewExtensionListing> {
  const response = await fetch('./extension.json', { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`Could not read the built hub list (${response.status}).`);
  }
  // Emitted by extension/vite.config.ts from the manifest fragments.
  return (await response.json()) as PreviewExtensionListing;
}

export function readSettings(defaultTheme: ThemeName): PreviewSettings {
  const query = new URLSearchParams(window.location.search);
  const theme = query.get('theme');
  return {
    hubId: query.get('hub') ?? undefined,
    theme: theme === 'dark' || theme === 'light' ? theme : defaultTheme,
    culture: query.get('lang') ?? 'en-US',
    widgetSize: query.get('size') ?? undefined,
    configureWidget: query.get('configure') === '1',
  };
}

export function writeSettings(settings: PreviewSettings): void {
  const query = new URLSearchParams(window.location.search);
  query.set('theme', settings.theme);
  query.set('lang', settings.culture);
  if (settings.hubId) {
    query.set('hub', settings.hubId);
  }
  window.history.replaceState(null, '', `${window.location.pathname}?${query.toString()}`);
}
