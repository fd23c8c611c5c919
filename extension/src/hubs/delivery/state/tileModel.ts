import type {
  PeriodFiguresAnswer,
  SummaryFigures,
} from '../../../../../service/src/contract/delivery/figures.ts';
import type { ReferenceBandAnswer } from '../../../../../service/src/contract/delivery/status.ts';
import type { DeliveryStatusKey, DeliveryTile } from '../strings/keys.ts';

/**
 * What each tile shows, from the summary's figures: a value (hours, rate or days per week) or the reason
 * the service gave for having none. Rates over fewer than MIN_DEPLOYMENTS_TO_JUDGE successful deployments
 * keep their value but say that they judge little (the hub's choice: the same minimum of five the
 * insights rules use).
 */
export const MIN_DEPLOYMENTS_TO_JUDGE = 5;

export type TileValue =
  | { kind: 'deploymentDays'; value: number }
  | { kind: 'hours'; value: number }
  | { kind: 'rate'; value: number };

export type TileModel =
  | {
      status: 'ok';
      value: TileValue;
      band: ReferenceBandAnswer | null;
      tooFew: number | null;
    }
  | {
      status: Exclude<DeliveryStatusKey, 'tooFew'>;
      /** The status's own parameters (empty or 0 where it has none), for the string tables' sentences. */
      targetNamesSeen: readonly string[];
      openIncidentIds: readonly number[];
      successfulDeployments: number;
      /** The service's English sentence. */
      message: string;
    };

export const TILES: readonly DeliveryTile[] = [
  'deploymentFrequency',
  'leadTimeForChanges',
  'changeFailureRate',
  'recoveryTime',
  'reworkRate',
];

type Gap = Extract<SummaryFigures[keyof SummaryFigures], { status: Exclude<DeliveryStatusKey, 'tooFew'> }>;

function gap(figure: Gap): TileModel {
  return {
    status: figure.status,
    targetNamesSeen: figure.status === 'noProductionEnvironment' ? figure.targetNamesSeen : [],
    openIncidentIds: figure.status === 'noneRestored' ? figure.openIncidentIds : [],
    successfulDeployments: 'successfulDeployments' in figure ? figure.successfulDeployments : 0,
    message: figure.message,
  };
}

function tooFew(successful: number): number | null {
  return successful < MIN_DEPLOYMENTS_TO_JUDGE ? successful : null;
}

export function tileModel(tile: DeliveryTile, figures: PeriodFiguresAnswer): TileModel {
  switch (tile) {
    case 'deploymentFrequency': {
      const figure = figures.deploymentFrequency;
      if (figure.status !== 'ok') return gap(figure);
      return {
        status: 'ok',
        value: { kind: 'deploymentDays', value: figure.medianDeploymentDaysPerWeek },
        band: figure.reference,
        tooFew: null,
      };
    }
    case 'leadTimeForChanges': {
      const figure = figures.leadTimeForChanges;
      if (figure.status !== 'ok') return gap(figure);
      return {
        status: 'ok',
        value: { kind: 'hours', value: figure.medianHours },
        band: figure.reference,
        tooFew: null,
      };
    }
    case 'changeFailureRate': {
      const figure = figures.changeFailureRate;
      if (figure.status !== 'ok') return gap(figure);
      return {
        status: 'ok',
        value: { kind: 'rate', value: figure.rate },
        band: figure.reference,
        tooFew: tooFew(figure.successfulDeployments),
      };
    }
    case 'recoveryTime': {
      const figure = figures.failedDeploymentRecoveryTime;
      if (figure.status !== 'ok') return gap(figure);
      return {
        status: 'ok',
        value: { kind: 'hours', value: figure.medianHours },
        band: figure.reference,
        tooFew: null,
      };
    }
    case 'reworkRate': {
      const figure = figures.reworkRate;
      if (figure.status !== 'ok') return gap(figure);
      return {
        status: 'ok',
        value: { kind: 'rate', value: figure.rate },
        band: null,
        tooFew: tooFew(figure.successfulDeployments),
      };
    }
  }
}

/** A period's (a week's or a sprint's) value of a tile's figure for the trend; null where it has none. */
export function periodValue(tile: DeliveryTile, week: PeriodFiguresAnswer): number | null {
  switch (tile) {
    case 'deploymentFrequency':
      return week.deploymentFrequency.status === 'ok' ? week.deploymentFrequency.deploymentDays : null;
    case 'leadTimeForChanges':
      return week.leadTimeForChanges.status === 'ok' ? week.leadTimeForChanges.medianHours : null;
    case 'changeFailureRate':
      return week.changeFailureRate.status === 'ok' ? week.changeFailureRate.rate : null;
    case 'recoveryTime':
      return week.failedDeploymentRecoveryTime.status === 'ok'
        ? week.failedDeploymentRecoveryTime.medianHours
        : null;
    case 'reworkRate':
      return week.reworkRate.status === 'ok' ? week.reworkRate.rate : null;
  }
}
