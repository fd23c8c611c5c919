/**
 * One request's view of a team: its settings and the zone in effect. Its data is loaded once per data
 * version and each distinct view (range, filters, settings) computed once, both through the service's
 * caches; each endpoint answers one section of the same FlowMetrics.
 */
import type {
  AgingResponse,
  AppliedFilters,
  CumulativeFlowResponse,
  CycleTimeHistogramResponse,
  CycleTimeResponse,
  CycleTimeTrendResponse,
  DataQualityResponse,
  FlowEfficiencyResponse,
  FlowQuery,
  FlowResponseMeta,
  FlowSummaryResponse,
  HowManyQuery,
  HowManyResponse,
  LeadTimeResponse,
  ServiceLevelsResponse,
  SprintForecastQuery,
  SprintForecastResponse,
  TeamFlowSettings,
  TeamPath,
  ThroughputResponse,
  WhenQuery,
  WhenResponse,
  WipResponse,
} from '../../contract/index.ts';
import type { BoardColumnChange, FlowMetrics } from '../../metrics/index.ts';
import { addDays, computeFlowMetrics, dayOf, seedFor } from '../../metrics/index.ts';
import type { SeikaRepository } from '../../storage/repository.ts';
import type { ForecastRun } from './forecasts.ts';
import { forecastHistory, howManyForecast, sprintForecast, whenForecast } from './forecasts.ts';
import type { FilterParams } from './input.ts';
import { engineInput, needsColumnHistory, resolveFilters } from './input.ts';
import { agingSection, dataQualitySection, serviceLevelsSection } from './itemSections.ts';
import { canonicalJson } from '../requestKey.ts';
import type { SectionContext } from './sections.ts';
import * as sections from './sections.ts';
import type { TeamFlowData } from './teamData.ts';
import { loadTeamColumnHistory, loadTeamFlowData } from './teamData.ts';
import type { ResultCache } from './resultCache.ts';
import type { ConnectedOrganization } from '../organizationDirectory.ts';
import { flowConfigOf } from '../teamSettings/codec.ts';

type Answer<S> = (query: FlowQuery) => Promise<FlowResponseMeta & S>;

export interface FlowSession {
  /** Changes whenever an answer could: data, settings, organization, or the day in the zone in effect. */
  versionKey(timeZone: string | undefined): string;
  cycleTime: (query: FlowQuery) => Promise<CycleTimeResponse>;
  leadTime: (query: FlowQuery) => Promise<LeadTimeResponse>;
  throughput: (query: FlowQuery) => Promise<ThroughputResponse>;
  wip: (query: FlowQuery) => Promise<WipResponse>;
  aging: (query: FlowQuery) => Promise<AgingResponse>;
  serviceLevels: (query: FlowQuery) => Promise<ServiceLevelsResponse>;
  cumulativeFlow: (query: FlowQuery) => Promise<CumulativeFlowResponse>;
  flowEfficiency: (query: FlowQuery) => Promise<FlowEfficiencyResponse>;
  cycleTimeHistogram: (query: FlowQuery) => Promise<CycleTimeHistogramResponse>;
  cycleTimeTrend: (query: FlowQuery) => Promise<CycleTimeTrendResponse>;
  dataQuality: (query: FlowQuery) => Promise<DataQualityResponse>;
  summary: (query: FlowQuery) => Promise<FlowSummaryResponse>;
  howMany(query: HowManyQuery): Promise<HowManyResponse>;
  when(query: WhenQuery): Promise<WhenResponse>;
  sprint(query: SprintForecastQuery): Promise<SprintForecastResponse>;
}

export type ColumnHistory = ReadonlyMap<number, readonly BoardColumnChange[]>;

/** One service's caches, keyed by data version (see resultCache.ts and FLOW_CACHE_LIMITS). */
export interface FlowCaches {
  teamData: ResultCache<TeamFlowData>;
  columnHistory: ResultCache<ColumnHistory>;
  results: ResultCache<Measured>;
}

export interface FlowSessionDependencies {
  repository: SeikaRepository;
  caches: FlowCaches;
  /** The team's data version without the day: the key of its loaded data. */
  dataKey: string;
  organization: ConnectedOrganization;
  path: TeamPath;
  settings: TeamFlowSettings;
  now: () => number;
  /** The ETag's version: the computation's, and the last successful sync the answers name. */
  versionKey: (timeZone: string) => string;
  /** The key of computed views: the team's data version and the day in the zone. */
  computeKey: (timeZone: string) => string;
  /** When the organization's last successful sync finished (every answer's `syncedAt`). */
  syncedAt: string | null;
}

export interface Measured {
  metrics: FlowMetrics;
  context: SectionContext;
  data: TeamFlowData;
}

export function createFlowSession(dependencies: FlowSessionDependencies): FlowSession {
  const { repository, caches, organization, path, settings, now } = dependencies;
  const key = { organization: organization.name, project: path.project, team: path.team };
  const projectUrl = `${organization.url.replace(/\/+$/, '')}/${encodeURIComponent(path.project)}`;
  const zoneFor = (requested: string | undefined): string =>
    requested ?? settings.timeZone ?? organization.timeZone;

  /**
   * The team's data and (when the computation needs them) its column moves, each loaded once per version.
   * Column moves only mean something against a board (aging and the CFD by column, column boundaries).
   */
  async function load(
    timeZone: string,
    percentiles: readonly number[] | undefined,
    filters: FilterParams,
    columns: boolean,
  ) {
    const config = flowConfigOf(settings, timeZone, percentiles);
    const types = config.workItemTypes;
    const dataKey = `${dependencies.dataKey}\n${canonicalJson(types)}`;
    const data = await caches.teamData.get(dataKey, () => loadTeamFlowData(repository, key, types));
    const { filter, applied } = resolveFilters(filters, data.scope, config);
    const withColumns = needsColumnHistory(config, columns && data.board !== undefined);
    const columnHistory = withColumns
      ? await caches.columnHistory.get(dataKey, () => loadTeamColumnHistory(repository, key, data))
      : undefined;
    return { config, filter, applied, data, columnHistory, withColumns };
  }

  /**
   * One computation per view: every endpoint of the same team, range, filters and settings shares one
   * computeFlowMetrics, kept under the version the ETags come from.
   */
  async function measure(query: FlowQuery): Promise<Measured & { applied: AppliedFilters }> {
    const timeZone = zoneFor(query.timeZone);
    // Every view of a team with a board reads its column moves (aging by column, the column CFD), so the
    // endpoints of one view share one computation; the moves are read once per data version.
    const loaded = await load(timeZone, query.percentiles, query, true);
    const { config, filter, data, columnHistory } = loaded;
    const range = { fromDay: query.from, toDay: query.to, basisDay: query.basis };
    const resultKey = [
      dependencies.computeKey(timeZone),
      canonicalJson({ range, percentiles: config.percentiles, filter, columns: loaded.withColumns }),
    ].join('\n');
    const measured = await caches.results.get(resultKey, async () => {
      const metrics = computeFlowMetrics(engineInput(data, config, filter, range, columnHistory));
      const context: SectionContext = {
        projectUrl,
        boardName: data.board?.name ?? null,
        board: data.board ?? null,
        waitingStates: config.waitingStates,
        weekStartsOn: config.weekStartsOn,
      };
      return { metrics, context, data };
    });
    return { ...measured, applied: loaded.applied };
  }

  /** The endpoint's section of the shared computation under the common header. */
  function answer<S>(section: (measured: Measured) => S): Answer<S> {
    return async (query) => {
      const measured = await measure(query);
      const meta: FlowResponseMeta = {
        organization: organization.name,
        project: path.project,
        team: path.team,
        from: query.from,
        to: query.to,
        timeZone: zoneFor(query.timeZone),
        filters: measured.applied,
        itemCount: measured.metrics.itemCount,
        syncedAt: dependencies.syncedAt,
      };
      return { ...meta, ...section(measured) };
    };
  }

  async function forecast<Q extends FilterParams & { timeZone?: string | undefined }, R>(
    kind: string,
    query: Q & {
      basis?: string | undefined;
      history?: number | undefined;
      trials?: number | undefined;
      seed?: number | undefined;
    },
    run: (parts: { data: TeamFlowData; history: ReturnType<typeof forecastHistory>; run: ForecastRun }) => R,
  ) {
    const timeZone = zoneFor(query.timeZone);
    const basis = query.basis ?? addDays(dayOf(now(), timeZone), -1);
    const historyDays = query.history ?? settings.forecast.historyDays;
    const trials = query.trials ?? settings.forecast.trials;
    // The target only reads the distribution: changing it must not reshuffle the trials.
    const request = canonicalJson({
      ...query,
      seed: undefined,
      target: undefined,
      timeZone,
      basis,
      history: historyDays,
      trials,
    });
    const seed = query.seed ?? seedFor(kind, key.organization, key.project, key.team.toLowerCase(), request);
    const forecastRun: ForecastRun = { basis, historyDays, trials, seed };
    const { config, filter, applied, data, columnHistory } = await load(timeZone, undefined, query, false);
    const history = forecastHistory(data, config, filter, forecastRun, columnHistory);
    const result = run({ data, history, run: forecastRun });
    return {
      organization: organization.name,
      project: path.project,
      team: path.team,
      timeZone,
      filters: applied,
      basis,
      startDay: addDays(basis, 1),
      history: history.summary,
      trials,
      seed,
      syncedAt: dependencies.syncedAt,
      ...result,
    };
  }

  return {
    versionKey: (timeZone) => dependencies.versionKey(zoneFor(timeZone)),
    cycleTime: answer(({ metrics, context }) => sections.cycleTimeSection(metrics, context)),
    leadTime: answer(({ metrics, context }) => sections.leadTimeSection(metrics, context)),
    throughput: answer(({ metrics, context }) => sections.throughputSection(metrics, context)),
    wip: answer(({ metrics }) => sections.wipSection(metrics)),
    aging: answer(({ metrics, context }) => agingSection(metrics, context)),
    serviceLevels: answer(({ metrics }) => serviceLevelsSection(metrics)),
    cumulativeFlow: answer(({ metrics, context }) => sections.cumulativeFlowSection(metrics, context)),
    flowEfficiency: answer(({ metrics, context }) => sections.flowEfficiencySection(metrics, context)),
    cycleTimeHistogram: answer(({ metrics }) => sections.cycleTimeHistogramSection(metrics)),
    cycleTimeTrend: answer(({ metrics }) => sections.cycleTimeTrendSection(metrics)),
    dataQuality: answer(({ metrics, context, data }) =>
      dataQualitySection(metrics, context, data.items, data.workflow),
    ),
    summary: answer(({ metrics, context, data }) => {
      return {
        cycleTime: sections.cycleTimeSection(metrics, context),
        leadTime: sections.leadTimeSection(metrics, context),
        throughput: sections.throughputSection(metrics, context),
        wip: sections.wipSection(metrics),
        aging: agingSection(metrics, context),
        serviceLevels: serviceLevelsSection(metrics),
        cumulativeFlow: sections.cumulativeFlowSection(metrics, context),
        flowEfficiency: sections.flowEfficiencySection(metrics, context),
        cycleTimeHistogram: sections.cycleTimeHistogramSection(metrics),
        cycleTimeTrend: sections.cycleTimeTrendSection(metrics),
        dataQuality: dataQualitySection(metrics, context, data.items, data.workflow),
      };
    }),
    howMany: (query) =>
      forecast('how-many', query, ({ history, run }) =>
        howManyForecast(history, run, query.by, query.target),
      ),
    when: (query) =>
      forecast('when', query, ({ history, run }) => whenForecast(history, run, query.items, query.target)),
    sprint: (query) =>
      forecast('sprint', query, ({ data, history, run }) =>
        sprintForecast(data, history, run, path.team, query.target),
      ),
  };
}
