/**
 * Engine results → the contract's figure answers. Each figure keeps its status; a status without a value
 * carries the sentence that says what is missing. Durations become hours, instants ISO text.
 */
import type { PeriodFiguresAnswer, SummaryFigures } from '../../contract/index.ts';
import type {
  ChangeFailureRateResult,
  DeploymentDataGap,
  DeploymentFailureRateResult,
  DeploymentFrequencyResult,
  LeadTimeResult,
  PeriodFigures,
  RecoveryTimeResult,
  ReworkRateResult,
  TimeToRestoreResult,
} from '../../metrics/delivery/index.ts';
import type { DeliveryLinks } from './links.ts';
import * as messages from './messages.ts';

export interface FigureContext extends messages.MessageContext {
  links: DeliveryLinks;
}

export type Ok<T> = Extract<T, { status: 'ok' }>;
type Gap = DeploymentDataGap | { status: 'noDeployments' };
type GapAnswer = Exclude<SummaryFigures['deploymentFrequency'], { status: 'ok' }>;

const HOUR_MS = 3_600_000;
export const hoursOf = (ms: number): number => ms / HOUR_MS;
const nullableHours = (ms: number | null): number | null => (ms === null ? null : hoursOf(ms));
export const isoOf = (ms: number): string => new Date(ms).toISOString();

function gapAnswer(gap: Gap, period: messages.Period, context: FigureContext): GapAnswer {
  switch (gap.status) {
    case 'noDeployments':
      return { status: 'noDeployments', message: messages.noDeploymentsMessage(period, context) };
    case 'noDeploymentRecords':
      return { status: 'noDeploymentRecords', message: messages.gapMessage(gap, context) };
    case 'noProductionEnvironment':
      return {
        status: 'noProductionEnvironment',
        targetNamesSeen: [...gap.targetNamesSeen],
        message: messages.gapMessage(gap, context),
      };
  }
}

function isGap<T extends { status: string }>(result: T | Gap): result is Gap {
  return (
    result.status === 'noDeployments' ||
    result.status === 'noDeploymentRecords' ||
    result.status === 'noProductionEnvironment'
  );
}

function frequencySummary(result: Ok<DeploymentFrequencyResult>) {
  return {
    status: 'ok' as const,
    successfulDeployments: result.successfulDeployments,
    deploymentDays: result.deploymentDays,
    daysInPeriod: result.daysInPeriod,
    deploymentsPerDay: result.deploymentsPerDay,
    medianDeploymentDaysPerWeek: result.medianDeploymentDaysPerWeek,
    medianDeploymentDaysPerMonth: result.medianDeploymentDaysPerMonth,
    reference: result.reference,
  };
}

function leadTimeSummary(result: Ok<LeadTimeResult>) {
  const parts = result.partMedians;
  return {
    status: 'ok' as const,
    changes: result.changes,
    medianHours: hoursOf(result.medianMs),
    p85Hours: hoursOf(result.p85Ms),
    partMedians: {
      codingHours: nullableHours(parts.codingMs),
      reviewHours: nullableHours(parts.reviewMs),
      waitingForDeploymentHours: nullableHours(parts.waitingForDeploymentMs),
      codingToDeploymentHours: nullableHours(parts.codingToDeploymentMs),
    },
    reference: result.reference,
  };
}

function changeFailureSummary(result: Ok<ChangeFailureRateResult>) {
  const { rate, failedDeployments, successfulDeployments, reference } = result;
  return { status: 'ok' as const, rate, failedDeployments, successfulDeployments, reference };
}

function deploymentFailureSummary(result: Ok<DeploymentFailureRateResult>) {
  const { rate, failedAttempts, attempts, canceledAttempts } = result;
  return { status: 'ok' as const, rate, failedAttempts, attempts, canceledAttempts, reference: null };
}

function recoverySummary(result: Ok<RecoveryTimeResult>) {
  return {
    status: 'ok' as const,
    medianHours: hoursOf(result.medianMs),
    restoredIncidents: result.samples.length,
    openIncidentIds: [...result.openIncidentIds],
    reference: result.reference,
  };
}

function restoreSummary(result: Ok<TimeToRestoreResult>) {
  return {
    status: 'ok' as const,
    medianHours: hoursOf(result.medianMs),
    restoredIncidents: result.samples.length,
    openIncidentIds: [...result.openIncidentIds],
    reference: null,
  };
}

function reworkSummary(result: Ok<ReworkRateResult>) {
  const { rate, reworkDeployments, successfulDeployments } = result;
  return { status: 'ok' as const, rate, reworkDeployments, successfulDeployments, reference: null };
}

/** The figures' shared handling of statuses without a value; `ok` maps the value. */
export class FigureMapper {
  constructor(
    private readonly period: messages.Period,
    private readonly context: FigureContext,
  ) {}

  private gap(gap: Gap): GapAnswer {
    return gapAnswer(gap, this.period, this.context);
  }

  frequency<A>(result: PeriodFigures['deploymentFrequency'], ok: (r: Ok<DeploymentFrequencyResult>) => A) {
    return isGap(result) ? this.gap(result) : ok(result);
  }

  leadTime<A>(result: PeriodFigures['leadTimeForChanges'], ok: (r: Ok<LeadTimeResult>) => A) {
    if (isGap(result)) return this.gap(result);
    if (result.status === 'noChanges') return this.noChanges(result.successfulDeployments);
    return ok(result);
  }

  changeFailure<A>(result: PeriodFigures['changeFailureRate'], ok: (r: Ok<ChangeFailureRateResult>) => A) {
    if (isGap(result)) return this.gap(result);
    if (result.status === 'noIncidents') {
      return {
        status: 'noIncidents' as const,
        successfulDeployments: result.successfulDeployments,
        message: messages.noAttributedIncidentsMessage(this.period, this.context),
      };
    }
    return ok(result);
  }

  deploymentFailure<A>(
    result: PeriodFigures['deploymentFailureRate'],
    ok: (r: Ok<DeploymentFailureRateResult>) => A,
  ) {
    return isGap(result) ? this.gap(result) : ok(result);
  }

  recovery<A>(result: PeriodFigures['failedDeploymentRecoveryTime'], ok: (r: Ok<RecoveryTimeResult>) => A) {
    if (isGap(result)) return this.gap(result);
    if (result.status === 'noIncidents') {
      return {
        status: 'noIncidents' as const,
        message: messages.noAttributedIncidentsMessage(this.period, this.context),
      };
    }
    if (result.status === 'noneRestored') return this.noneRestored(result.openIncidentIds);
    return ok(result);
  }

  restore<A>(result: TimeToRestoreResult, ok: (r: Ok<TimeToRestoreResult>) => A) {
    if (result.status === 'noIncidents') {
      return {
        status: 'noIncidents' as const,
        message: messages.noIncidentsToRestoreMessage(this.period, this.context),
      };
    }
    if (result.status === 'noneRestored') return this.noneRestored(result.openIncidentIds);
    return ok(result);
  }

  rework<A>(result: PeriodFigures['reworkRate'], ok: (r: Ok<ReworkRateResult>) => A) {
    if (isGap(result)) return this.gap(result);
    if (result.status === 'noChanges') return this.noChanges(result.successfulDeployments);
    return ok(result);
  }

  private noChanges(successfulDeployments: number) {
    return {
      status: 'noChanges' as const,
      successfulDeployments,
      message: messages.noChangesMessage(this.period, this.context, successfulDeployments),
    };
  }

  private noneRestored(openIncidentIds: readonly number[]) {
    return {
      status: 'noneRestored' as const,
      openIncidentIds: [...openIncidentIds],
      message: messages.noneRestoredMessage(this.period, openIncidentIds),
    };
  }
}

/** Every figure of a period in summary form (the summary's window, each week and sprint of the trend). */
export function periodFiguresAnswer(figures: PeriodFigures, context: FigureContext): PeriodFiguresAnswer {
  const map = new FigureMapper(figures, context);
  const attributed = figures.incidents.filter((incident) => incident.status === 'attributed').length;
  return {
    from: figures.from,
    to: figures.to,
    deploymentFrequency: map.frequency(figures.deploymentFrequency, frequencySummary),
    leadTimeForChanges: map.leadTime(figures.leadTimeForChanges, leadTimeSummary),
    changeFailureRate: map.changeFailure(figures.changeFailureRate, changeFailureSummary),
    deploymentFailureRate: map.deploymentFailure(figures.deploymentFailureRate, deploymentFailureSummary),
    failedDeploymentRecoveryTime: map.recovery(figures.failedDeploymentRecoveryTime, recoverySummary),
    timeToRestore: map.restore(figures.timeToRestore, restoreSummary),
    reworkRate: map.rework(figures.reworkRate, reworkSummary),
    incidents: {
      created: figures.incidents.length,
      attributed,
      unattributed: figures.incidents.length - attributed,
    },
  };
}

export {
  changeFailureSummary,
  deploymentFailureSummary,
  frequencySummary,
  leadTimeSummary,
  recoverySummary,
  restoreSummary,
  reworkSummary,
};
