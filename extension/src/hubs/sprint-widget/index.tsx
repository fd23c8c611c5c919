import './sprint-widget.css';
import * as SDK from 'azure-devops-extension-sdk';
import { createSeikaClient, defaultServiceUrl } from '../../api/seikaClient.ts';
import { languageOf } from '../../i18n/locale.ts';
import { renderRoot } from '../../page/renderRoot.ts';
import { getAccessToken, getAppToken } from '../../sdk/hostContext.ts';
import { initWidgetFrame } from '../../sdk/widgetContext.ts';
import { createConfigurationRuntime } from './configurationRuntime.tsx';
import { createWidgetRuntime } from './widgetRuntime.tsx';
import { widgetStrings } from './widgetStrings.ts';

/** The contribution ids of sprint-widget.json: the dashboard looks each frame's object up by its own. */
const WIDGET_ID = 'sprint-outcomes-widget';
const CONFIGURATION_ID = 'sprint-outcomes-widget-config';

type Runtime = ReturnType<typeof createWidgetRuntime> | ReturnType<typeof createConfigurationRuntime>;

/**
 * One page for both contributions. The objects are registered during the handshake, before the frame knows
 * its team; each call waits for `ready`, which settles once the context is read.
 */
async function start(): Promise<void> {
  let settle: (runtime: Runtime) => void = () => undefined;
  const ready = new Promise<Runtime>((resolve) => (settle = resolve));
  const widgetRuntime = () =>
    ready.then((runtime) =>
      'widget' in runtime ? runtime.widget : Promise.reject(new Error('Not a widget.')),
    );
  const configurationRuntime = () =>
    ready.then((runtime) =>
      'configuration' in runtime ? runtime.configuration : Promise.reject(new Error('Not a configuration.')),
    );
  const frame = await initWidgetFrame({
    widget: [
      WIDGET_ID,
      {
        preload: (settings) => widgetRuntime().then((widget) => widget.preload(settings)),
        load: (settings) => widgetRuntime().then((widget) => widget.load(settings)),
        reload: (settings) => widgetRuntime().then((widget) => widget.reload(settings)),
      },
    ],
    configuration: [
      CONFIGURATION_ID,
      {
        load: (settings, context) =>
          configurationRuntime().then((runtime) => runtime.load(settings, context)),
        onSave: () => configurationRuntime().then((runtime) => runtime.onSave()),
      },
    ],
  });
  const { host } = frame;
  const culture = host.culture && host.culture.length > 0 ? host.culture : navigator.language;
  const language = languageOf(culture);
  document.documentElement.lang = language;
  const strings = widgetStrings(language);
  if (frame.kind === 'configuration') {
    const runtime = createConfigurationRuntime(strings);
    settle(runtime);
    renderRoot(runtime.root);
    return;
  }
  const client = createSeikaClient({
    serviceUrl: defaultServiceUrl(),
    getToken: getAppToken,
    getUserToken: getAccessToken,
    organization: host.organization,
  });
  const runtime = createWidgetRuntime({
    client,
    team: { organization: host.organization, project: host.project, team: host.team },
    extensionId: SDK.getExtensionContext().id,
    culture,
    language,
    strings,
  });
  settle(runtime);
  renderRoot(runtime.root);
}

start().catch((error: unknown) => {
  void SDK.notifyLoadFailed(error instanceof Error ? error : String(error));
});
