import { describe, expect, it } from 'vitest';
import {
  attemptClassOf,
  CLASSIC_DEPLOYMENT_STATUSES,
  DEPLOYMENT_OUTCOMES,
  ENVIRONMENT_DEPLOYMENT_RESULTS,
  outcomeOfClassicStatus,
  outcomeOfEnvironmentResult,
  outcomeOfTimelineResult,
  type AttemptClass,
  type ClassicDeploymentStatus,
  type DeploymentOutcome,
  type EnvironmentDeploymentResult,
} from '../../../../service/src/domain/delivery.ts';

describe('environment deployment record results', () => {
  const cases: [EnvironmentDeploymentResult, DeploymentOutcome][] = [
    ['succeeded', 'succeeded'],
    ['succeededWithIssues', 'succeededWithIssues'],
    ['failed', 'failed'],
    ['canceled', 'canceled'],
    ['skipped', 'notRun'],
    ['abandoned', 'failed'],
  ];
  it('covers every value of the API enum', () => {
    expect(cases.map(([result]) => result).sort()).toEqual([...ENVIRONMENT_DEPLOYMENT_RESULTS].sort());
  });
  it.each(cases)('%s → %s (timeline stage records alike)', (result, outcome) => {
    expect(outcomeOfEnvironmentResult(result)).toBe(outcome);
    expect(outcomeOfTimelineResult(result)).toBe(outcome);
  });
});

describe('classic release deploymentStatus', () => {
  const cases: [ClassicDeploymentStatus, DeploymentOutcome][] = [
    ['undefined', 'unknown'],
    ['notDeployed', 'failed'],
    ['inProgress', 'inProgress'],
    ['succeeded', 'succeeded'],
    ['partiallySucceeded', 'succeededWithIssues'],
    ['failed', 'failed'],
    ['all', 'unknown'],
  ];
  it('covers every value of the API enum', () => {
    expect(cases.map(([status]) => status).sort()).toEqual([...CLASSIC_DEPLOYMENT_STATUSES].sort());
  });
  it.each(cases)('%s → %s', (status, outcome) => {
    expect(outcomeOfClassicStatus(status)).toBe(outcome);
  });
});

describe('how outcomes count', () => {
  const cases: [DeploymentOutcome, AttemptClass][] = [
    ['succeeded', 'successful'],
    ['succeededWithIssues', 'successful'],
    ['failed', 'failed'],
    ['canceled', 'canceled'],
    ['notRun', 'notAnAttempt'],
    ['inProgress', 'notAnAttempt'],
    ['unknown', 'notAnAttempt'],
  ];
  it('covers every normalised outcome', () => {
    expect(cases.map(([outcome]) => outcome).sort()).toEqual([...DEPLOYMENT_OUTCOMES].sort());
  });
  it.each(cases)('%s counts as %s', (outcome, attemptClass) => {
    expect(attemptClassOf(outcome)).toBe(attemptClass);
  });
});
