/**
 * One request's view of a project or team: its delivery settings, the zone in effect, one load of the
 * project's delivery records and one engine computation. Each endpoint answers one section of the report.
 */
import type {
  ChangeFailureRateResponse,
  DeliveryChangesResponse,
  DeliveryDeploymentsResponse,
  DeliveryIncidentsResponse,
  DeliveryItemsQuery,
  DeliveryLeadTimeResponse,
  DeliveryPending,
  DeliveryQuery,
  DeliveryResponseMeta,
  DeliverySummaryResponse,
  DeliveryTrendResponse,
  DeploymentFailureRateResponse,
  DeploymentFrequencyResponse,
  ProjectDeliverySettings,
  RecoveryTimeResponse,
  ReworkRateResponse,
} from '../../contract/index.ts';
import { DELIVERY_REFERENCE_TABLE } from '../../contract/index.ts';
import {
  deploymentRowCount,
  type DeliveryInput,
  type DeliveryReport,
  type DeliveryRequest,
  type PreparedDelivery,
} from '../../metrics/delivery/index.ts';
import type { DeliveryRepository } from '../../storage/delivery/repository.ts';
import type { SeikaRepository } from '../../storage/repository.ts';
import { detailSections } from './details.ts';
import { periodFiguresAnswer, type FigureContext } from './figures.ts';
import { changeCount, changeItems, deploymentItems, incidentItems, type ItemContext } from './items.ts';
import { listPage } from './paging.ts';
import { deliveryLinks } from './links.ts';
import { responseMeta, trendSection, type MetaContext } from './sessionAnswers.ts';
import { scopedDeliveryInput, type DeliveryScope } from './scope.ts';
import { storedProjectInput } from './storedInput.ts';
import { incidentRuleOf, productionRuleOf } from './settingsCodec.ts';
import { datedSprints, sprintsOverlapping } from '../flow/board.ts';
import { canonicalJson } from '../requestKey.ts';
import type { Computed, DeliveryCaches } from './caches.ts';
import type { ConnectedOrganization } from '../organizationDirectory.ts';
import type { NonWorkingDay } from '../../contract/calendar/workingCalendar.ts';

/** The engine in two steps, so the range-independent one is shared by every view of a scope and zone. */
export interface DeliveryEngine {
  /** Sorts and joins a scope's records once (metrics/delivery/prepare.ts). */
  prepare: (input: DeliveryInput) => PreparedDelivery;
  /** One view (range, sprints, drill-down or not) from the prepared scope. */
  report: (prepared: PreparedDelivery, request: DeliveryRequest) => DeliveryReport;
}

type Answer<R> = (query: DeliveryQuery) => Promise<R>;

export interface DeliverySession {
  /** Changes whenever an answer could: data, settings, organization, or the zone in effect. */
  versionKey(timeZone: string | undefined): string;
  summary: Answer<DeliverySummaryResponse>;
  deploymentFrequency: Answer<DeploymentFrequencyResponse>;
  leadTime: Answer<DeliveryLeadTimeResponse>;
  changeFailureRate: Answer<ChangeFailureRateResponse>;
  deploymentFailureRate: Answer<DeploymentFailureRateResponse>;
  recoveryTime: Answer<RecoveryTimeResponse>;
  reworkRate: Answer<ReworkRateResponse>;
  trend: Answer<DeliveryTrendResponse>;
  deployments: (query: DeliveryItemsQuery) => Promise<DeliveryDeploymentsResponse>;
  changes: (query: DeliveryItemsQuery) => Promise<DeliveryChangesResponse>;
  incidents: (query: DeliveryItemsQuery) => Promise<DeliveryIncidentsResponse>;
}

export interface DeliverySessionDependencies {
  repository: SeikaRepository;
  delivery: DeliveryRepository;
  organization: ConnectedOrganization;
  project: string;
  scope: DeliveryScope;
  settings: ProjectDeliverySettings;
  /** A production-mark change still awaiting its recomputation (recompute.ts), else null. */
  pending: DeliveryPending | null;
  engine: DeliveryEngine;
  versionKey: (timeZone: string) => string;
  caches: DeliveryCaches;
  /** When the organization's last successful sync finished (every answer's `syncedAt`, and so its ETag's). */
  syncedAt: string | null;
  /** The project's data version (records do not depend on the team or the zone): the records' key. */
  recordsKey: string;
  /** The project's data version and the team: the key of the scoped, linked input. */
  scopeKey: string;
  /** The range's non-working days for the deployment calendar (the team's, or the project view's). */
  nonWorkingDays: (range: { from: string; to: string; timeZone: string }) => Promise<NonWorkingDay[]>;
}

interface ViewOptions {
  sprints?: boolean;
  drillDown?: boolean;
}

interface Measured {
  report: DeliveryReport;
  figures: FigureContext;
  items: ItemContext;
}

export function createDeliverySession(dependencies: DeliverySessionDependencies): DeliverySession {
  const { repository, delivery, organization, project, scope, settings, caches } = dependencies;
  const links = deliveryLinks(organization.url);
  const productionRule = productionRuleOf(settings);
  const production = {
    environmentPattern: productionRule.environmentNamePattern,
    stagePattern: productionRule.stageNamePattern,
  };
  const incidentRule = incidentRuleOf(settings);
  const figureContext: FigureContext = { project, scope, production, incidentRule, links };
  const view = { organization, project, settings, productionRule, incidentRule };
  const zoneFor = (requested: string | undefined) => requested ?? settings.timeZone ?? organization.timeZone;

  async function sprintsOf(query: DeliveryQuery, wanted: boolean) {
    if (!wanted || scope.kind !== 'team') return [];
    const iterations = await repository.getTeamIterations(organization.name, project, scope.team);
    return sprintsOverlapping(datedSprints(iterations), query.from, query.to).map((sprint) => ({
      id: sprint.id,
      name: sprint.name,
      startDate: sprint.startDay,
      finishDate: sprint.finishDay,
    }));
  }

  const meta: MetaContext = {
    organization: organization.name,
    figures: figureContext,
    pending: dependencies.pending,
  };

  /**
   * The scope's records with their changes linked to builds: neither depends on the zone or the range,
   * so every view of the scope shares them (the zone is set per view).
   */
  function scopedInput() {
    return caches.inputs.get(dependencies.scopeKey, async () => {
      const stored = scope.kind === 'project' ? await storedProjectInput(delivery, view) : undefined;
      if (stored !== undefined) return stored;
      const records = await caches.records.get(dependencies.recordsKey, () =>
        delivery.readDeliveryRecords(organization.name, {
          projects: [project],
          incidentRule,
          bugTypes: settings.bugWorkItemTypes,
        }),
      );
      return scopedDeliveryInput(records, scope, {
        timeZone: organization.timeZone,
        production: { default: productionRule },
      });
    });
  }

  /**
   * The scope's records sorted and joined for one zone: the hub opens a summary, a trend and the
   * calendar's deployments at once, and each of them (and every other range) reads this one preparation.
   */
  function prepared(input: DeliveryInput): Promise<PreparedDelivery> {
    const key = [dependencies.scopeKey, input.timeZone].join('\n');
    return caches.prepared.get(key, async () => dependencies.engine.prepare(input));
  }

  /**
   * The project's records, loaded once per data version and shared by its teams; then one computation per
   * view (scope, zone, range, sprints or not), shared by every endpoint that asks for it. Only the
   * deployments list needs the drill-down rows, so only its view builds them.
   */
  function computed(query: DeliveryQuery, timeZone: string, options: ViewOptions): Promise<Computed> {
    const withSprints = options.sprints === true;
    const drillDown = options.drillDown === true;
    const key = [
      dependencies.versionKey(timeZone),
      canonicalJson({ from: query.from, to: query.to, withSprints, drillDown }),
    ];
    return caches.results.get(key.join('\n'), async () => {
      const [scoped, sprints] = await Promise.all([scopedInput(), sprintsOf(query, withSprints)]);
      const { attributionVia } = scoped;
      const input = { ...scoped.input, timeZone };
      // Only the trend (the view with sprints) shows the weeks.
      const report = dependencies.engine.report(await prepared(input), {
        from: query.from,
        to: query.to,
        sprints,
        weekly: withSprints,
        drillDown,
      });
      return { input, attributionVia, report };
    });
  }

  /** The shared computation, then the endpoint's section under the common header. */
  function answer<S>(section: (measured: Measured) => S, options: ViewOptions = {}) {
    return async (query: DeliveryQuery): Promise<DeliveryResponseMeta & S> => {
      const timeZone = zoneFor(query.timeZone);
      const { input, attributionVia, report } = await computed(query, timeZone, options);
      // The sync this request saw: a view computed before a later run finished is still its data.
      const head = responseMeta(meta, query, timeZone, report, dependencies.syncedAt);
      const items: ItemContext = { input, report, links, timeZone, attributionVia };
      return { ...head, ...section({ report, figures: figureContext, items }) };
    };
  }

  type Sections = ReturnType<typeof detailSections>;
  const detail = <S>(pick: (sections: Sections) => S) =>
    answer(({ report, figures }) => pick(detailSections(report.window, figures)));

  return {
    // Answers carry syncedAt, so their ETags (not the computations) follow the last successful sync.
    versionKey: (timeZone) =>
      [dependencies.versionKey(zoneFor(timeZone)), dependencies.syncedAt ?? 'never'].join('\n'),
    summary: answer(({ report, figures }) => ({
      window: periodFiguresAnswer(report.window, figures),
      referenceTable: DELIVERY_REFERENCE_TABLE,
    })),
    deploymentFrequency: detail((sections) => sections.deploymentFrequency()),
    leadTime: detail((sections) => sections.leadTime()),
    changeFailureRate: detail((sections) => sections.changeFailureRate()),
    deploymentFailureRate: detail((sections) => sections.deploymentFailureRate()),
    recoveryTime: detail((sections) => sections.recoveryTime()),
    reworkRate: detail((sections) => sections.reworkRate()),
    trend: answer(({ report, figures }) => trendSection(report, figures), {
      sprints: true,
    }),
    deployments: async (query) => {
      const page = await answer(
        ({ items }) =>
          listPage(query, deploymentRowCount(items.report), (rows) => deploymentItems(items, rows)),
        { drillDown: true },
      )(query);
      const range = { from: query.from, to: query.to, timeZone: page.timeZone };
      return { ...page, nonWorkingDays: await dependencies.nonWorkingDays(range) };
    },
    changes: (query) =>
      answer(({ items }) => listPage(query, changeCount(items), (rows) => changeItems(items, rows)))(query),
    incidents: (query) =>
      answer(({ items }) =>
        listPage(query, items.report.window.incidents.length, (rows) => incidentItems(items, rows)),
      )(query),
  };
}
