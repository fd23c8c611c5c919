import { useEffect, useMemo, useState } from 'react';
import type { DeliveryPath, DeliveryQuery } from '../../../../service/src/contract/delivery/query.ts';
import { SeikaApiError, type SeikaClient } from '../../api/seikaClient.ts';
import { addDays, dayInZone, formatInstant } from '../../format/calendar.ts';
import { queryKey, useQuery } from '../../data/useQuery.ts';
import { HelpPanel } from '../../help/HelpPanel.tsx';
import { HelpOpenerContext } from '../../help/helpContext.ts';
import type { HelpTopicId } from '../../help/topics.ts';
import { apiErrorText } from '../../i18n/apiErrors.ts';
import { languageOf } from '../../i18n/locale.ts';
import { InsightsPanel } from '../../insights/InsightsPanel.tsx';
import { DeliveryHeader } from './parts/DeliveryHeader.tsx';
import { DeploymentCalendar } from './parts/DeploymentCalendar.tsx';
import { DrillDowns } from './parts/DrillDowns.tsx';
import { MetricTiles } from './parts/MetricTiles.tsx';
import { ReferenceBands } from './parts/ReferenceBands.tsx';
import { SettingsEditor } from './parts/SettingsEditor.tsx';
import { TrendCard } from './parts/TrendCard.tsx';
import { calendarWeeks } from './state/calendarGrid.ts';
import {
  useDeliverySettings,
  useDeliverySummary,
  useDeliveryTrend,
  useDeployments,
} from './state/deliveryQueries.ts';
import { statusBase } from './state/statusMessages.ts';
import { useDeliveryUrlState } from './state/useDeliveryUrlState.ts';
import { usePendingRefresh } from './state/usePendingRefresh.ts';
import type { DeliveryStrings } from './strings/en.ts';

/** Most deployments the calendar asks for in one page (the drill-down pages through the rest). */
const CALENDAR_PAGE = 2000;

interface DeliveryHubProps {
  client: SeikaClient;
  organization: string;
  project: string;
  strings: DeliveryStrings;
  locale: string;
  onFirstResult: () => void;
}

/**
 * Pipelines › Delivery: the project's settings first (its time zone decides "today"), then the summary,
 * the weekly trend and the calendar's deployments in parallel; drill-downs page on demand.
 */
export function DeliveryHub({
  client,
  organization,
  project,
  strings,
  locale,
  onFirstResult,
}: DeliveryHubProps) {
  const projectPath = useMemo(() => ({ organization, project }), [organization, project]);
  const [{ team, days, tile }, update] = useDeliveryUrlState();
  const [help, setHelp] = useState<HelpTopicId | null>(null);
  const language = languageOf(locale);
  const path = useMemo(
    (): DeliveryPath => (team === undefined ? projectPath : { ...projectPath, team }),
    [projectPath, team],
  );
  const settings = useDeliverySettings(client, projectPath);
  const timeZone = settings.status === 'success' ? settings.data.effectiveTimeZone : null;
  const today = timeZone === null ? null : dayInZone(new Date(), timeZone);
  const query = useMemo(
    (): DeliveryQuery | null => (today === null ? null : { from: addDays(today, -(days - 1)), to: today }),
    [today, days],
  );
  const summary = useDeliverySummary(client, path, query);
  const trend = useDeliveryTrend(client, path, query);
  const calendar = useDeployments(
    client,
    path,
    query === null ? null : { ...query, offset: 0, limit: CALENDAR_PAGE },
  );
  const teams = useQuery(queryKey('teams', projectPath), (signal) => client.listTeams(projectPath, signal));
  const access = useQuery(queryKey('access', projectPath), (signal) =>
    client.getAccessCapabilities(organization, { project }, signal),
  );
  const teamNames = teams.status === 'success' ? teams.data.teams.map((entry) => entry.name) : [];
  const isAdministrator = access.status === 'success' && access.data.project?.administrator === true;

  const settled = summary.status !== 'loading' || settings.status === 'error';
  useEffect(() => {
    if (settled) onFirstResult();
  }, [settled, onFirstResult]);

  const weeks = useMemo(
    () =>
      query === null || calendar.status !== 'success'
        ? null
        : calendarWeeks(query.from, query.to, calendar.data.items, calendar.data.nonWorkingDays),
    [query, calendar],
  );
  const error = settings.status === 'error' ? settings : summary.status === 'error' ? summary : null;
  const syncedAt = summary.status === 'success' ? summary.data.syncedAt : undefined;
  const pending = summary.status === 'success' ? summary.data.pending : null;
  usePendingRefresh(pending);

  const helpOpener = useMemo(() => ({ language, open: setHelp }), [language]);

  return (
    <div className="seika-delivery" lang={locale}>
      <DeliveryHeader
        strings={strings}
        scopeName={team ?? project}
        teamNames={teamNames}
        team={team}
        onTeam={(name) => update({ team: name })}
        days={days}
        onDays={(count) => update({ days: count })}
        timeZone={timeZone}
        freshness={
          syncedAt === undefined
            ? ''
            : syncedAt === null
              ? strings.notSynced
              : strings.syncedAt(formatInstant(syncedAt, locale, timeZone ?? 'UTC'))
        }
      />
      <main className="delivery-main">
        {error !== null ? (
          <div className="seika-state seika-state-error" role="alert" data-testid="delivery-error">
            <strong>{strings.errorTitle}</strong>
            <span>
              {error.error instanceof SeikaApiError && error.error.code === 'team_not_mapped'
                ? strings.teamNotMapped
                : apiErrorText(error.error, language)}
            </span>
            <button type="button" className="seika-button" onClick={error.refetch}>
              {strings.retry}
            </button>
          </div>
        ) : summary.status !== 'success' ||
          settings.status !== 'success' ||
          timeZone === null ||
          query === null ? (
          <div className="seika-state" role="status" data-testid="state-loading">
            {strings.loading}
          </div>
        ) : (
          <>
            {pending !== null && (
              <div className="seika-state delivery-pending" role="status" data-testid="delivery-pending">
                <strong>{strings.pending.title}</strong>
                <span>{strings.pending.detail(formatInstant(pending.since, locale, timeZone))}</span>
              </div>
            )}
            <MetricTiles
              figures={summary.data.window}
              weeks={trend.status === 'success' ? trend.data.weekly : null}
              strings={strings}
              statusBase={statusBase(summary.data, settings.data.settings.incidents)}
              locale={locale}
              selected={tile}
              onSelect={(selected) => update({ tile: selected })}
              onHelp={setHelp}
            />
            <div className="delivery-grid">
              {trend.status === 'success' && (
                <HelpOpenerContext.Provider value={helpOpener}>
                  <TrendCard
                    trend={trend.data}
                    tile={tile}
                    strings={strings}
                    locale={locale}
                    chartStrings={strings.chart}
                  />
                </HelpOpenerContext.Provider>
              )}
              <ReferenceBands
                table={summary.data.referenceTable}
                strings={strings}
                locale={locale}
                onHelp={() => setHelp('referenceBands')}
              />
            </div>
            {weeks !== null && calendar.status === 'success' && (
              <DeploymentCalendar
                weeks={weeks}
                timeZone={summary.data.timeZone}
                strings={strings}
                locale={locale}
                partial={
                  calendar.data.page.total > calendar.data.items.length
                    ? { shown: calendar.data.items.length, total: calendar.data.page.total }
                    : null
                }
              />
            )}
            {team !== undefined && (
              <InsightsPanel client={client} team={{ organization, project, team }} language={language} />
            )}
            <DrillDowns
              key={`${team ?? ''}:${query.from}`}
              client={client}
              path={path}
              range={query}
              strings={strings}
              locale={locale}
              timeZone={summary.data.timeZone}
            />
          </>
        )}
        {isAdministrator && settings.status === 'success' && (
          <SettingsEditor
            key={settings.data.updatedAt ?? 'default'}
            client={client}
            settings={settings.data}
            teamNames={teamNames}
            strings={strings}
            locale={locale}
          />
        )}
        {help !== null && <HelpPanel language={language} topic={help} onClose={() => setHelp(null)} />}
      </main>
    </div>
  );
}
