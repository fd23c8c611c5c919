import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FlowQuery, TeamPath } from '../../../../service/src/contract/index.ts';
import type { SeikaClient } from '../../api/seikaClient.ts';
import { queryKey, useQuery } from '../../data/useQuery.ts';
import { HelpButton, HelpPanel } from '../../help/HelpPanel.tsx';
import { HelpOpenerContext } from '../../help/helpContext.ts';
import type { HelpTopicId } from '../../help/topics.ts';
import { languageOf } from '../../i18n/locale.ts';
import { dayInZone, formatDay, formatInstant } from '../../format/calendar.ts';
import { DrillPanel } from './parts/DrillPanel.tsx';
import { FilterBar } from './parts/FilterBar.tsx';
import { FlowContext, type DrillItem, type FlowContextValue } from './parts/flowContext.ts';
import { FlowHeader } from './parts/FlowHeader.tsx';
import { ErrorMessage, LoadingMessage } from './parts/StateMessages.tsx';
import { ViewSwitch } from './parts/ViewSwitch.tsx';
import { resolveRange, type SprintDates } from './state/dateRange.ts';
import { freshnessLine } from './state/freshnessLine.ts';
import { overviewForecastQuery, useFlowSummary, useHowMany, useTeamSettings } from './state/flowQueries.ts';
import { useUrlState } from './state/useUrlState.ts';
import type { FlowView } from './state/urlState.ts';
import type { FlowStrings } from './strings/en.ts';
import { FlowViews } from './views/FlowViews.tsx';

/** The help topic behind each view (its "?" opens it). */
const HELP_FOR_VIEW: Record<FlowView, HelpTopicId> = {
  overview: 'serviceLevel',
  aging: 'aging',
  cycleTime: 'cycleTime',
  throughput: 'throughput',
  cumulativeFlow: 'cumulativeFlow',
  forecast: 'forecasts',
  quality: 'dataQuality',
  settings: 'setupChecklist',
};

interface FlowHubProps {
  client: SeikaClient;
  /** The team whose Boards opened the hub. */
  hostTeam: TeamPath;
  strings: FlowStrings;
  locale: string;
  /** Called once, when the first answer (data or error) is on screen. */
  onFirstResult: () => void;
}

/**
 * Boards › Flow: two requests make the first view (team settings for the team's time zone, then one
 * summary of every metric); every other view of the same dates and filters reuses that answer.
 */
export function FlowHub({ client, hostTeam, strings, locale, onFirstResult }: FlowHubProps) {
  const [state, update] = useUrlState();
  const team = useMemo(() => ({ ...hostTeam, team: state.team ?? hostTeam.team }), [hostTeam, state.team]);
  const settings = useTeamSettings(client, team);
  const timeZone = settings.status === 'success' ? settings.data.effectiveTimeZone : null;
  const teamToday = timeZone === null ? null : dayInZone(new Date(), timeZone);
  const [sprints, setSprints] = useState<readonly SprintDates[]>([]);
  const range = teamToday === null ? null : resolveRange(state, teamToday, sprints);
  const query = useMemo((): FlowQuery | null => {
    if (range === null) return null;
    return {
      from: range.from,
      to: range.to,
      ...(state.types.length > 0 ? { workItemTypes: state.types } : {}),
      ...(state.tags.length > 0 ? { tags: state.tags, tagMatch: state.tagMatch } : {}),
      ...(state.area !== null ? { areaPath: state.area } : {}),
      ...(state.basis !== null ? { basis: state.basis } : {}),
    };
  }, [range?.from, range?.to, state.types, state.tags, state.tagMatch, state.area, state.basis]);
  const summary = useFlowSummary(client, team, query);
  // Asked beside the summary rather than after it, so the Overview needs no third round trip.
  useHowMany(
    client,
    team,
    state.view === 'overview' && teamToday !== null ? overviewForecastQuery(teamToday, state.types) : null,
  );

  const seenSprints = summary.status === 'success' ? summary.data.throughput.sprints : null;
  useEffect(() => {
    if (seenSprints && seenSprints.length > 0) {
      setSprints((previous) => {
        const byName = new Map(previous.map((sprint) => [sprint.name, sprint]));
        for (const sprint of seenSprints) if (!byName.has(sprint.name)) byName.set(sprint.name, sprint);
        return [...byName.values()].sort((a, b) => b.fromDay.localeCompare(a.fromDay));
      });
    }
  }, [seenSprints]);

  const settled = summary.status !== 'loading' || settings.status === 'error';
  useEffect(() => {
    if (settled) onFirstResult();
  }, [settled, onFirstResult]);

  const [help, setHelp] = useState<HelpTopicId | null>(null);
  const helpOpener = useMemo(() => ({ language: languageOf(locale), open: setHelp }), [locale]);
  const project = { organization: hostTeam.organization, project: hostTeam.project };
  const teams = useQuery(queryKey('teams', project), (signal) => client.listTeams(project, signal));
  // Beside the first requests, not after them: the freshness line costs no extra round trip.
  const syncHealth = useQuery(queryKey('syncHealth', team), (signal) =>
    client.getTeamSyncHealth(team, signal),
  );
  const freshness = freshnessLine({
    health: syncHealth.status === 'success' ? syncHealth.data : undefined,
    syncedAt: summary.status === 'success' ? summary.data.syncedAt : undefined,
    strings: strings.states,
    formatInstant: (iso) => formatInstant(iso, locale, timeZone ?? 'UTC'),
  });
  const [drill, setDrill] = useState<{ title: string; items: readonly DrillItem[] } | null>(null);
  const numberFormats = useMemo(() => new Map<number, Intl.NumberFormat>(), []);
  const formatNumber = useCallback(
    (value: number, fractionDigits = 0) => {
      let format = numberFormats.get(fractionDigits);
      if (!format) {
        format = new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits });
        numberFormats.set(fractionDigits, format);
      }
      return format.format(value);
    },
    [locale, numberFormats],
  );
  const context = useMemo(
    (): FlowContextValue | null =>
      timeZone === null || teamToday === null
        ? null
        : {
            client,
            team,
            strings,
            locale,
            timeZone,
            teamToday,
            state,
            update,
            drill: (title, items) => setDrill({ title, items }),
            formatNumber,
            formatDay: (day) => formatDay(day, locale),
          },
    [client, team, strings, locale, timeZone, teamToday, state, update, formatNumber],
  );

  return (
    <div className="seika-flow" lang={locale}>
      <FlowHeader
        strings={strings}
        teamName={team.team}
        hostTeamName={hostTeam.team}
        freshness={freshness}
        teamNames={teams.status === 'success' ? teams.data.teams.map((entry) => entry.name) : []}
        onSwitchTeam={(name) =>
          update({ team: name === hostTeam.team ? null : name, types: [], hiddenTypes: [] })
        }
      />
      <div className="seika-flow-help-row">
        <ViewSwitch strings={strings} current={state.view} onSelect={(view) => update({ view })} />
        <HelpButton
          language={languageOf(locale)}
          label={strings.views[state.view]}
          onOpen={() => setHelp(HELP_FOR_VIEW[state.view])}
        />
      </div>
      <main className="seika-flow-main">
        {settings.status === 'error' ? (
          <ErrorMessage
            strings={strings}
            language={languageOf(locale)}
            error={settings.error}
            onRetry={settings.refetch}
          />
        ) : context === null || range === null ? (
          <LoadingMessage strings={strings} />
        ) : (
          <HelpOpenerContext.Provider value={helpOpener}>
            <FlowContext.Provider value={context}>
              {state.view !== 'settings' && (
                <FilterBar
                  range={range}
                  sprints={sprints}
                  workItemTypes={settings.status === 'success' ? settings.data.options.workItemTypes : []}
                />
              )}
              <FlowViews
                summary={summary}
                settings={settings.status === 'success' ? settings.data : null}
                range={range}
              />
              {drill && <DrillPanel title={drill.title} items={drill.items} onClose={() => setDrill(null)} />}
              {help !== null && (
                <HelpPanel language={languageOf(locale)} topic={help} onClose={() => setHelp(null)} />
              )}
            </FlowContext.Provider>
          </HelpOpenerContext.Provider>
        )}
      </main>
    </div>
  );
}
