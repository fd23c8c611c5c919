import type { PreviewHub, WidgetSize } from './previewState.ts';
import type { XdmHost } from './xdmHost.ts';

/**
 * The dashboard's side of a widget: a cell of the widget's size and the load call on its registered object.
 * Sizes follow WidgetSizeConverter in azure-devops-extension-api (src/Dashboard/WidgetHelpers.ts): 160 px
 * per cell plus 10 px per gutter between cells, so 2×2 is 330×330 and 4×2 (four columns) 670×330.
 */
const CELL_PX = 160;
const GUTTER_PX = 10;

export function cellsToPixels(cells: number): number {
  return CELL_PX * cells + GUTTER_PX * (cells - 1);
}

/** `?size=4x2` (columns × rows, as the dashboard's size picker writes it) when supported; else the default. */
export function chosenWidgetSize(hub: PreviewHub, requested: string | undefined): WidgetSize | undefined {
  const sizes = hub.widgetSizes ?? [];
  const match = /^(\d)x(\d)$/.exec(requested ?? '');
  const wanted = match
    ? sizes.find((size) => size.columnSpan === Number(match[1]) && size.rowSpan === Number(match[2]))
    : undefined;
  return wanted ?? sizes[0];
}

/** Shapes the frame like a dashboard cell of that size. */
export function sizeFrameAsWidget(frame: HTMLIFrameElement, size: WidgetSize | undefined): void {
  frame.classList.toggle('ph-widget-frame', size !== undefined);
  frame.style.width = size === undefined ? '' : `${cellsToPixels(size.columnSpan)}px`;
  frame.style.height = size === undefined ? '' : `${cellsToPixels(size.rowSpan)}px`;
  document.body.dataset.widgetSize = size === undefined ? '' : `${size.columnSpan}x${size.rowSpan}`;
}

/** The one function the preview passes across XDM (the configuration context's notify), by proxy id. */
const NOTIFY_PROXY = { __proxyFunctionId: 1, _channelId: 1 };
/** ConfigurationEvent.ConfigurationChange (azure-devops-extension-api, src/Dashboard/WidgetConfigHelpers.ts). */
const CONFIGURATION_CHANGE = 'ms.vss-dashboards-web.configurationChange';

interface CustomSettings {
  data: string;
  version?: unknown;
}

function errorMessage(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error
    ? String(error.message)
    : String(error);
}

function customSettingsOf(value: unknown): CustomSettings | undefined {
  return typeof value === 'object' && value !== null && 'data' in value && typeof value.data === 'string'
    ? { data: value.data, ...('version' in value ? { version: value.version } : {}) }
    : undefined;
}

/**
 * The dashboard around one widget: the settings it holds for it (name, size, custom settings), the load
 * call once the widget's frame reports loaded, and, in edit mode, the configuration's load with a context
 * whose notify(ConfigurationChange) reloads the widget with the unsaved settings (the live preview), and
 * Save, which asks the configuration's onSave for the settings to keep. The page records each outcome in
 * data attributes: `data-widget-status` (success, failure, unconfigured), `data-configuration-state`,
 * `data-widget-saved` (the saved custom settings' data).
 */
export function createWidgetDashboard(hub: PreviewHub, size: WidgetSize) {
  let customSettings: CustomSettings = { data: '' };
  let widget: XdmHost | undefined;
  let configuration: XdmHost | undefined;
  const current = () => ({ name: hub.name, size, customSettings });

  async function call(method: 'load' | 'reload'): Promise<void> {
    if (widget === undefined) return;
    try {
      const status: unknown = await widget.invoke(hub.id, method, [current()]);
      const type =
        typeof status === 'object' && status !== null && 'statusType' in status ? status.statusType : 0;
      document.body.dataset.widgetStatus = type === 2 ? 'unconfigured' : 'success';
    } catch (error) {
      document.body.dataset.widgetStatus = 'failure';
      document.body.dataset.widgetMessage = errorMessage(error);
    }
  }

  return {
    /** The widget frame reported loaded: call its load with the settings, as a dashboard does. */
    async load(channel: XdmHost): Promise<void> {
      widget = channel;
      await call('load');
    },
    /** What the configuration frame may call back on: the notify proxy the SDK resolves by id. */
    configurationHostObjects: {
      __proxyFunctions: {
        proxy1: (event: unknown, args: unknown) => {
          const settings =
            typeof args === 'object' && args !== null && 'data' in args
              ? customSettingsOf(args.data)
              : undefined;
          if (event === CONFIGURATION_CHANGE && settings !== undefined) {
            customSettings = settings;
            document.body.dataset.configurationState = 'changed';
            void call('reload');
          }
          return {};
        },
      },
    },
    /** The configuration frame reported loaded: hand it the widget's settings and the context. */
    async configure(channel: XdmHost, configurationId: string): Promise<void> {
      configuration = channel;
      try {
        await channel.invoke(configurationId, 'load', [current(), { notify: NOTIFY_PROXY }]);
        document.body.dataset.configurationState = 'loaded';
      } catch (error) {
        document.body.dataset.configurationState = `failed: ${errorMessage(error)}`;
      }
    },
    /** Save: keep what onSave answers when valid, then the widget shows the saved settings. */
    async save(configurationId: string): Promise<void> {
      if (configuration === undefined) return;
      try {
        const answer: unknown = await configuration.invoke(configurationId, 'onSave', []);
        const valid = typeof answer === 'object' && answer !== null && 'isValid' in answer && answer.isValid;
        const saved =
          typeof answer === 'object' && answer !== null && 'customSettings' in answer
            ? customSettingsOf(answer.customSettings)
            : undefined;
        if (valid !== true || saved === undefined) throw new Error('The configuration refused to save.');
        customSettings = saved;
        document.body.dataset.widgetSaved = saved.data;
        await call('reload');
      } catch (error) {
        document.body.dataset.configurationState = `refused: ${errorMessage(error)}`;
      }
    },
  };
}

/** The configuration panel beside the widget (edit mode): its frame and the dashboard's Save button. */
export function configurationPanel(beside: HTMLIFrameElement): {
  frame: HTMLIFrameElement;
  save: HTMLButtonElement;
} {
  const panel = document.createElement('section');
  panel.className = 'ph-widget-configuration';
  panel.setAttribute('aria-label', 'Widget configuration');
  const frame = document.createElement('iframe');
  frame.title = 'Widget configuration';
  frame.id = 'configuration-frame';
  const save = document.createElement('button');
  save.type = 'button';
  save.className = 'ph-button';
  save.textContent = 'Save';
  panel.append(frame, save);
  beside.after(panel);
  return { frame, save };
}
