import type { ReactElement } from 'react';
import type { TeamPath } from '../../../../service/src/contract/index.ts';
import type { SeikaClient } from '../../api/seikaClient.ts';
import type { Language } from '../../i18n/locale.ts';
import { apiErrorText } from '../../i18n/apiErrors.ts';
import {
  widgetFailure,
  widgetSuccess,
  type DashboardWidget,
  type WidgetSettings,
  type WidgetStatus,
} from '../../sdk/widgetContext.ts';
import { sprintStrings } from '../../targets/strings/sprintStrings.ts';
import { createFrameState } from './frameState.ts';
import { SprintWidget } from './SprintWidget.tsx';
import { readOptions } from './widgetOptions.ts';
import type { WidgetStrings } from './widgetStrings.ts';
import { loadWidgetView, outcomesTabUrl, type WidgetView } from './widgetView.ts';

/** The name the catalog gives a new widget (sprint-widget.json); shown in the user's language until renamed. */
const CATALOG_NAME = 'Sprint outcomes';
/** The Outcomes tab the widget links to (hubs/sprint/sprint.json). */
const OUTCOMES_TAB_ID = 'sprint-outcomes-tab';

interface Shown {
  view: WidgetView | null;
  settings: WidgetSettings | null;
}

/**
 * The widget frame: the object the dashboard calls (load on each dashboard load, reload on each change in
 * the configuration panel) and the React root that shows what the last call found.
 */
export function createWidgetRuntime(input: {
  client: SeikaClient;
  team: TeamPath;
  extensionId: string;
  culture: string;
  language: Language;
  strings: WidgetStrings;
}): { widget: DashboardWidget; root: ReactElement } {
  const { client, team, culture, language, strings } = input;
  const shown = createFrameState<Shown>({ view: null, settings: null });
  const percent = new Intl.NumberFormat(culture, { style: 'percent', maximumFractionDigits: 0 });
  const number = new Intl.NumberFormat(culture, { maximumFractionDigits: 1 });
  const outcomesUrl = outcomesTabUrl(team.organization, team, `${input.extensionId}.${OUTCOMES_TAB_ID}`);
  let inFlight: AbortController | undefined;

  async function answer(settings: WidgetSettings, isLoad: boolean): Promise<WidgetStatus> {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    if (isLoad) {
      // Counted per team and week like a hub's opening; a lost count never stops the widget.
      void client
        .recordUsage(team.organization, { kind: 'widgetLoaded', project: team.project, team: team.team })
        .catch(() => undefined);
    }
    shown.set({ view: null, settings });
    const view = await loadWidgetView(client, team, controller.signal);
    if (controller.signal.aborted) return widgetSuccess('superseded');
    shown.set({ view, settings });
    return view.kind === 'failed'
      ? widgetFailure(`${strings.failed}: ${apiErrorText(view.error, language)}`)
      : widgetSuccess(view.kind);
  }

  function Root() {
    const { view, settings } = shown.use();
    if (settings === null) return null;
    return (
      <SprintWidget
        view={view}
        name={settings.name.trim() === '' || settings.name === CATALOG_NAME ? strings.title : settings.name}
        columnSpan={settings.size.columnSpan}
        options={readOptions(settings.customSettings)}
        strings={strings}
        language={language}
        sprintStrings={sprintStrings(language)}
        formatPercent={(value) => percent.format(value)}
        formatNumber={(value) => number.format(value)}
        outcomesUrl={outcomesUrl}
      />
    );
  }

  return {
    widget: {
      // No network calls in preload (the contract's rule): the loading line is painted by load.
      preload: () => widgetSuccess(),
      load: (settings) => answer(settings, true),
      reload: (settings) => answer(settings, false),
    },
    root: <Root />,
  };
}
