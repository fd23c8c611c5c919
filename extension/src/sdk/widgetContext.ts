import * as SDK from 'azure-devops-extension-sdk';
import type { HubHostContext } from './hostContext.ts';

/**
 * The dashboard widget contract, as far as Seika's widget uses it. These mirror azure-devops-extension-api's
 * Dashboard/WidgetContracts.ts and WidgetHelpers.ts (microsoft/azure-devops-extension-api, src/Dashboard):
 * that package is not a dependency here (its peer range excludes SDK 5, see the shared platform notes), and
 * only these shapes cross the frame boundary.
 */
export interface WidgetSize {
  rowSpan: number;
  columnSpan: number;
}

export interface WidgetSettings {
  size: WidgetSize;
  name: string;
  customSettings: { data: string; version?: { major: number; minor: number; patch: number } };
}

/** WidgetStatusType in WidgetContracts.ts: Success 0, Failure 1, Unconfigured 2. */
export interface WidgetStatus {
  state?: string;
  statusType?: 0 | 1 | 2;
}

/** IWidget / IConfigurableWidget: what the dashboard calls on the object registered for the contribution. */
export interface DashboardWidget {
  /** Paint from cache only: "No network calls should be made by the widget". */
  preload(settings: WidgetSettings): Promise<WidgetStatus>;
  load(settings: WidgetSettings): Promise<WidgetStatus>;
  reload(settings: WidgetSettings): Promise<WidgetStatus>;
}

/** WidgetStatusHelper.Success: resolves with statusType 0. */
export function widgetSuccess(state?: string): Promise<WidgetStatus> {
  return Promise.resolve({ ...(state === undefined ? {} : { state }), statusType: 0 });
}

/**
 * WidgetStatusHelper.Failure: the helper *rejects* with {message, isUserVisible, isRichText}; the dashboard
 * then shows the message in its own error frame. Rich text is for trusted extensions only, so never here.
 */
export function widgetFailure(message: string): Promise<WidgetStatus> {
  return Promise.reject({ message, isUserVisible: true, isRichText: false });
}

/**
 * IWidgetConfiguration: what the dashboard calls on the configuration frame's registered object. The
 * context's notify(ConfigurationChange, {data: customSettings}) updates the live preview and enables Save.
 */
export interface WidgetConfigurationContext {
  notify(event: string, args: { data: unknown }): Promise<unknown>;
}
export interface DashboardWidgetConfiguration {
  load(settings: WidgetSettings, context: WidgetConfigurationContext): Promise<WidgetStatus>;
  /** Resolves {customSettings, isValid: true}; WidgetConfigurationSave.Invalid rejects {isValid: false}. */
  onSave(): Promise<{ customSettings?: WidgetSettings['customSettings']; isValid: boolean }>;
}

/** ConfigurationEvent.ConfigurationChange in WidgetConfigHelpers.ts. */
export const CONFIGURATION_CHANGE = 'ms.vss-dashboards-web.configurationChange';

/** Which of the two contributions (widget, configuration) the frame was loaded for. */
export type WidgetFrame =
  { kind: 'widget'; host: HubHostContext } | { kind: 'configuration'; host: HubHostContext };

/**
 * Completes the SDK handshake for a widget (or its configuration) on a team dashboard and registers the
 * object under the contribution's own id, as microsoft/azure-devops-extension-sample's Widget.tsx and
 * WidgetConfiguration.tsx do (`SDK.register("sample-widget", this)` after init). The object is registered
 * before notifyLoadSucceeded(), so the dashboard, which calls load() once the frame reports loaded, always
 * finds it (the SDK answers "No handler found" otherwise). One page serves both contributions; the
 * contribution id the host names in the handshake says which one it is. The team is the dashboard's: a
 * widget's scope is `project_team`, and its web context names that team.
 */
export async function initWidgetFrame(ids: {
  widget: [string, DashboardWidget];
  configuration: [string, DashboardWidgetConfiguration];
}): Promise<WidgetFrame> {
  await SDK.init({ loaded: false, applyTheme: true });
  const [configurationId, configuration] = ids.configuration;
  const [widgetId, widget] = ids.widget;
  const isConfiguration = SDK.getContributionId().endsWith(`.${configurationId}`);
  if (isConfiguration) SDK.register(configurationId, configuration);
  else SDK.register(widgetId, widget);
  const webContext = SDK.getWebContext();
  const project: { name?: string } | undefined = webContext.project;
  const team: { name?: string } | undefined = webContext.team;
  const culture: string | undefined = SDK.getPageContext().globalization?.culture;
  void SDK.notifyLoadSucceeded();
  if (!project?.name || !team?.name) {
    throw new Error('This widget needs a team dashboard; add it to a team’s dashboard.');
  }
  const host = { organization: SDK.getHost().name, project: project.name, team: team.name, culture };
  return { kind: isConfiguration ? 'configuration' : 'widget', host };
}
