import { describe, expect, it } from 'vitest';
import type { PeriodFiguresAnswer } from '../../../../../service/src/contract/delivery/figures.ts';
import { DELIVERY_REFERENCE_SOURCE } from '../../../../../service/src/contract/delivery/status.ts';
import {
  MIN_DEPLOYMENTS_TO_JUDGE,
  TILES,
  tileModel,
  periodValue,
} from '../../../../../extension/src/hubs/delivery/state/tileModel.ts';

const band = { band: 'high', source: DELIVERY_REFERENCE_SOURCE } as const;
const noProduction = {
  status: 'noProductionEnvironment' as const,
  targetNamesSeen: ['staging', 'qa'],
  message: 'No environment is marked production.',
};

function figures(successful: number): PeriodFiguresAnswer {
  return {
    from: '2026-12-01',
    to: '2026-12-07',
    deploymentFrequency: {
      status: 'ok',
      successfulDeployments: successful,
      deploymentDays: 3,
      daysInPeriod: 7,
      deploymentsPerDay: successful / 7,
      medianDeploymentDaysPerWeek: 3,
      medianDeploymentDaysPerMonth: 3,
      reference: band,
    },
    leadTimeForChanges: { status: 'noChanges', successfulDeployments: successful, message: 'No change.' },
    changeFailureRate: {
      status: 'ok',
      rate: 0.25,
      failedDeployments: 1,
      successfulDeployments: successful,
      reference: band,
    },
    deploymentFailureRate: {
      status: 'ok',
      rate: 0,
      failedAttempts: 0,
      attempts: successful,
      canceledAttempts: 0,
      reference: null,
    },
    failedDeploymentRecoveryTime: { status: 'noneRestored', openIncidentIds: [7], message: 'Open.' },
    timeToRestore: { status: 'noneRestored', openIncidentIds: [7], message: 'Open.' },
    reworkRate: {
      status: 'ok',
      rate: 0.5,
      reworkDeployments: 2,
      successfulDeployments: successful,
      reference: null,
    },
    incidents: { created: 1, attributed: 1, unattributed: 0 },
  };
}

describe('tileModel', () => {
  it('gives each tile its value, band or the service’s reason', () => {
    const answer = figures(8);
    expect(TILES.map((tile) => tileModel(tile, answer).status)).toEqual([
      'ok',
      'noChanges',
      'ok',
      'noneRestored',
      'ok',
    ]);
    expect(tileModel('deploymentFrequency', answer)).toEqual({
      status: 'ok',
      value: { kind: 'deploymentDays', value: 3 },
      band,
      tooFew: null,
    });
    expect(tileModel('reworkRate', answer)).toMatchObject({
      value: { kind: 'rate', value: 0.5 },
      band: null,
    });
  });

  it.each([
    [MIN_DEPLOYMENTS_TO_JUDGE - 1, MIN_DEPLOYMENTS_TO_JUDGE - 1],
    [MIN_DEPLOYMENTS_TO_JUDGE, null],
  ])('rates over %i successful deployments are flagged too few: %s', (successful, expected) => {
    expect(tileModel('changeFailureRate', figures(successful))).toMatchObject({ tooFew: expected });
    expect(tileModel('reworkRate', figures(successful))).toMatchObject({ tooFew: expected });
  });

  it('keeps the target names seen when no production environment is marked', () => {
    const answer = { ...figures(8), deploymentFrequency: noProduction };
    expect(tileModel('deploymentFrequency', answer)).toEqual({
      status: 'noProductionEnvironment',
      targetNamesSeen: ['staging', 'qa'],
      openIncidentIds: [],
      successfulDeployments: 0,
      message: noProduction.message,
    });
  });

  it('keeps each status’s own parameters for the string tables’ sentences', () => {
    const answer: PeriodFiguresAnswer = {
      ...figures(8),
      failedDeploymentRecoveryTime: { status: 'noneRestored', openIncidentIds: [7, 9], message: 'Open.' },
    };
    expect(tileModel('recoveryTime', answer)).toMatchObject({
      status: 'noneRestored',
      openIncidentIds: [7, 9],
      targetNamesSeen: [],
    });
    expect(tileModel('leadTimeForChanges', answer)).toMatchObject({
      status: 'noChanges',
      successfulDeployments: 8,
    });
  });
});

describe('periodValue', () => {
  it.each([
    ['deploymentFrequency', 3],
    ['leadTimeForChanges', null],
    ['changeFailureRate', 0.25],
    ['recoveryTime', null],
    ['reworkRate', 0.5],
  ] as const)('%s of a week: %s', (tile, expected) => {
    expect(periodValue(tile, figures(8))).toBe(expected);
  });
});
