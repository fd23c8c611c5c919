import type { ReactNode } from 'react';
import type { FlowSummaryResponse } from '../../../../../service/src/contract/index.ts';
import { addDays, formatInstant } from '../../../format/calendar.ts';
import { apiErrorText } from '../../../i18n/apiErrors.ts';
import { languageOf } from '../../../i18n/locale.ts';
import { InsightsPanel } from '../../../insights/InsightsPanel.tsx';
import { OutcomesPanel } from '../../../targets/OutcomesPanel.tsx';
import { ItemLink } from '../parts/DrillPanel.tsx';
import { useFlow } from '../parts/flowContext.ts';
import { overviewForecastQuery, useHowMany } from '../state/flowQueries.ts';
import type { FlowView } from '../state/urlState.ts';
import { MIN_SAMPLE, overviewFigures } from './overviewFigures.ts';

/** The landing view: the figures a team reads every morning, each leading to its chart. */
export function OverviewView({ data }: { data: FlowSummaryResponse }) {
  const {
    strings,
    update,
    formatNumber,
    formatDay,
    client,
    team,
    teamToday,
    state,
    drill,
    locale,
    timeZone,
  } = useFlow();
  const o = strings.overview;
  const figures = overviewFigures(data);
  const forecastBy = addDays(teamToday, 14);
  const forecast = useHowMany(client, team, overviewForecastQuery(teamToday, state.types));
  const forecast85 =
    forecast.status === 'success'
      ? forecast.data.confidences.find((entry) => entry.confidence === 85)
      : undefined;
  const open = (view: FlowView) => () => update({ view });
  const weeks = figures.throughputDays / 7;

  return (
    <div className="seika-tiles" data-testid="overview">
      <Tile
        id="wip"
        title={o.wipToday}
        value={figures.wipToday}
        onOpen={open('aging')}
        openLabel={o.openChart(strings.views.aging)}
      >
        {figures.wipToday === null ? '—' : formatNumber(figures.wipToday)}
      </Tile>
      <Tile
        id="throughput"
        title={o.throughput4w}
        value={figures.throughputLast4Weeks}
        onOpen={open('throughput')}
        openLabel={o.openChart(strings.views.throughput)}
        detail={weeks > 0 ? o.perWeek(formatNumber(figures.throughputLast4Weeks / weeks, 1)) : undefined}
      >
        {formatNumber(figures.throughputLast4Weeks)}
      </Tile>
      <Tile
        id="cycle-time"
        title={o.cycleTime}
        value={figures.cycleTime85}
        onOpen={open('cycleTime')}
        openLabel={o.openChart(strings.views.cycleTime)}
        detail={
          figures.cycleTimeSample < MIN_SAMPLE ? strings.states.tooFew(figures.cycleTimeSample) : undefined
        }
      >
        {figures.cycleTime50 === null || figures.cycleTime85 === null
          ? strings.states.withheld
          : o.cycleTimeValue(figures.cycleTime50, figures.cycleTime85)}
      </Tile>
      <Tile
        id="sle"
        title={o.sle}
        value={figures.serviceLevel?.days ?? null}
        onOpen={open('aging')}
        openLabel={o.openChart(strings.views.aging)}
      >
        {figures.serviceLevel === null || figures.serviceLevel.days === null
          ? strings.states.withheld
          : o.sleValue(figures.serviceLevel.percentile, figures.serviceLevel.days)}
      </Tile>
      <Tile
        id="forecast"
        title={o.forecast}
        value={forecast85?.items ?? null}
        onOpen={open('forecast')}
        openLabel={o.openChart(strings.views.forecast)}
      >
        {forecast.status === 'success' && forecast85
          ? o.forecastValue(forecast85.items, formatDay(forecastBy))
          : forecast.status === 'error'
            ? apiErrorText(forecast.error, languageOf(locale))
            : strings.states.loading}
      </Tile>
      <Tile
        id="freshness"
        title={o.freshness}
        value={data.syncedAt === null ? null : Date.parse(data.syncedAt)}
        onOpen={open('quality')}
        openLabel={o.openChart(strings.views.quality)}
        detail={timeZone}
      >
        {data.syncedAt === null ? strings.states.neverSynced : formatInstant(data.syncedAt, locale, timeZone)}
      </Tile>
      <section
        className="seika-card seika-tile seika-tile-wide"
        data-testid="tile-aging"
        data-value={figures.agingPast85.length}
      >
        <h2 className="seika-card-title">
          {o.aging} ({figures.agingPast85.length})
        </h2>
        {figures.aging85 === null ? (
          <p>{strings.states.withheld}</p>
        ) : figures.agingPast85.length === 0 ? (
          <p>{o.agingNone}</p>
        ) : (
          <ul className="seika-aging-list">
            {figures.agingPast85.map((item) => (
              <li key={item.id} data-item-id={item.id}>
                <ItemLink id={item.id} url={item.url} label={`#${item.id}`} /> {item.title}{' '}
                <span className="secondary-text">
                  · {item.state} · {strings.days(item.ageDays)}
                </span>
              </li>
            ))}
          </ul>
        )}
        <div className="seika-tile-actions">
          <button type="button" className="seika-button" onClick={open('aging')}>
            {o.openChart(strings.views.aging)}
          </button>
          {figures.agingPast85.length > 0 && (
            <button
              type="button"
              className="seika-button"
              onClick={() =>
                drill(
                  o.aging,
                  figures.agingPast85.map((item) => ({ ...item, detail: strings.days(item.ageDays) })),
                )
              }
            >
              {strings.chart.showTable}
            </button>
          )}
        </div>
      </section>
      <OutcomesPanel client={client} team={team} language={languageOf(locale)} locale={locale} />
      <InsightsPanel client={client} team={team} language={languageOf(locale)} />
    </div>
  );
}

function Tile({
  id,
  title,
  value,
  children,
  detail,
  onOpen,
  openLabel,
}: {
  id: string;
  title: string;
  value: number | null;
  children: ReactNode;
  detail?: string;
  onOpen: () => void;
  openLabel: string;
}) {
  return (
    <section className="seika-card seika-tile" data-testid={`tile-${id}`} data-value={value ?? ''}>
      <h2 className="seika-tile-title">{title}</h2>
      <div className="seika-tile-value">{children}</div>
      {detail && <div className="secondary-text">{detail}</div>}
      <button type="button" className="seika-button seika-tile-open" onClick={onOpen}>
        {openLabel}
      </button>
    </section>
  );
}
