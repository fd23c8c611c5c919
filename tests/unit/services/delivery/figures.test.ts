import { describe, expect, it } from 'vitest';
import { deliveryCsvFilename } from '../../../../service/src/api/delivery/csv.ts';
import type { TeamDeliveryMapping } from '../../../../service/src/contract/index.ts';
import {
  DELIVERY_REFERENCE_SOURCE,
  periodFiguresSchema,
  SUMMARY_FIGURES,
} from '../../../../service/src/contract/index.ts';
import type { DeploymentDataGap, PeriodFigures } from '../../../../service/src/metrics/delivery/index.ts';
import { REFERENCE_SOURCE } from '../../../../service/src/metrics/delivery/index.ts';
import { teamNotMapped } from '../../../../service/src/services/delivery/errors.ts';
import {
  periodFiguresAnswer,
  type FigureContext,
} from '../../../../service/src/services/delivery/figures.ts';
import { deliveryLinks } from '../../../../service/src/services/delivery/links.ts';
import type { DeliveryScope } from '../../../../service/src/services/delivery/scope.ts';

const HOUR = 3_600_000;
const band = { band: 'high', source: REFERENCE_SOURCE } as const;
const mapping: TeamDeliveryMapping = {
  team: 'Web',
  buildDefinitionIds: [4, 5],
  releaseDefinitionIds: [],
  repositories: ['r'],
};

function context(scope: DeliveryScope = { kind: 'project' }): FigureContext {
  return {
    project: 'Shop',
    scope,
    production: { environmentPattern: 'prod', stagePattern: '^ship' },
    incidentRule: { workItemTypes: ['Bug', 'Incident'], tag: null, linkTagPrefix: 'deployment:' },
    links: deliveryLinks('https://dev.azure.com/contoso/'),
  };
}

const quiet: PeriodFigures = {
  from: '2026-05-04',
  to: '2026-05-10',
  deploymentFrequency: { status: 'noDeployments' },
  leadTimeForChanges: { status: 'noChanges', successfulDeployments: 2 },
  changeFailureRate: { status: 'noIncidents', successfulDeployments: 2 },
  deploymentFailureRate: { status: 'noDeployments' },
  failedDeploymentRecoveryTime: { status: 'noneRestored', openIncidentIds: [7, 8] },
  timeToRestore: { status: 'noIncidents' },
  reworkRate: { status: 'noChanges', successfulDeployments: 2 },
  incidents: [
    { incidentId: 7, status: 'attributed', deploymentId: 'environment:1', via: 'lastBefore' },
    { incidentId: 9, status: 'unattributed', reason: 'noDeploymentBefore' },
  ],
};

describe('figures without a value say why', () => {
  it('each engine status keeps its name and gains a sentence', () => {
    const answer = periodFiguresAnswer(quiet, context());
    expect(periodFiguresSchema.safeParse(answer).success).toBe(true);
    expect(answer).toEqual({
      from: '2026-05-04',
      to: '2026-05-10',
      deploymentFrequency: {
        status: 'noDeployments',
        message:
          'No successful production deployment of project "Shop" finished between 2026-05-04 and 2026-05-10.',
      },
      leadTimeForChanges: {
        status: 'noChanges',
        successfulDeployments: 2,
        message:
          'No change (pull request or commit) could be linked to the 2 successful production deployments between ' +
          '2026-05-04 and 2026-05-10.',
      },
      changeFailureRate: {
        status: 'noIncidents',
        successfulDeployments: 2,
        message:
          'No incident (every Bug or Incident work item) is attributed to the successful production deployments ' +
          'of project "Shop" that finished between 2026-05-04 and 2026-05-10.',
      },
      deploymentFailureRate: {
        status: 'noDeployments',
        message: expect.stringContaining('No successful production'),
      },
      failedDeploymentRecoveryTime: {
        status: 'noneRestored',
        openIncidentIds: [7, 8],
        message: 'Incidents 7, 8 are still open: none was restored between 2026-05-04 and 2026-05-10.',
      },
      timeToRestore: {
        status: 'noIncidents',
        message:
          'No incident (every Bug or Incident work item) of project "Shop" was completed between 2026-05-04 and ' +
          '2026-05-10, and none created then is still open.',
      },
      reworkRate: {
        status: 'noChanges',
        successfulDeployments: 2,
        message: expect.stringContaining('2 successful'),
      },
      incidents: { created: 2, attributed: 1, unattributed: 1 },
    });
  });

  it.each<[string, DeliveryScope, DeploymentDataGap, string]>([
    [
      'no records, project',
      { kind: 'project' },
      { status: 'noDeploymentRecords' },
      'No deployment records for project "Shop": nothing has been synchronised from YAML environments, classic ' +
        'releases or pipeline stages.',
    ],
    [
      'no records, team',
      { kind: 'team', team: 'Web', mapping },
      { status: 'noDeploymentRecords' },
      'No deployment records for the pipelines mapped to team "Web" (build definitions 4, 5; release definitions none).',
    ],
    [
      'no production',
      { kind: 'team', team: 'Web', mapping },
      { status: 'noProductionEnvironment', targetNamesSeen: ['dev', 'qa'] },
      'None of the deployments of team "Web" goes to production: no environment or release stage matches /prod/i ' +
        "and no pipeline stage matches /^ship/i (targets seen: dev, qa). Choose the production environments in the project's delivery settings.",
    ],
  ])('%s', (_name, scope, gap, message) => {
    const answer = periodFiguresAnswer(
      { ...quiet, deploymentFrequency: gap, reworkRate: gap },
      context(scope),
    );
    expect(answer.deploymentFrequency).toEqual({ ...gap, message });
    expect(answer.reworkRate).toEqual({ ...gap, message });
  });

  it('values become hours and fractions, with the band and its source beside them', () => {
    const answer = periodFiguresAnswer(
      {
        ...quiet,
        leadTimeForChanges: {
          status: 'ok',
          changes: 3,
          medianMs: 90 * 60_000,
          p85Ms: 30 * HOUR,
          partMedians: {
            codingMs: HOUR / 2,
            reviewMs: null,
            waitingForDeploymentMs: null,
            codingToDeploymentMs: 2 * HOUR,
          },
          samples: [],
          reference: band,
        },
        timeToRestore: { status: 'ok', medianMs: 45 * 60_000, samples: [], openIncidentIds: [3] },
      },
      context(),
    );
    expect(answer.leadTimeForChanges).toEqual({
      status: 'ok',
      changes: 3,
      medianHours: 1.5,
      p85Hours: 30,
      partMedians: {
        codingHours: 0.5,
        reviewHours: null,
        waitingForDeploymentHours: null,
        codingToDeploymentHours: 2,
      },
      reference: { band: 'high', source: 'DORA 2023 as encoded by Apache DevLake' },
    });
    expect(answer.timeToRestore).toEqual({
      status: 'ok',
      medianHours: 0.75,
      restoredIncidents: 0,
      openIncidentIds: [3],
      reference: null,
    });
    expect(SUMMARY_FIGURES.leadTimeForChanges.safeParse(answer.leadTimeForChanges).success).toBe(true);
  });

  it("the contract names the engine's reference source", () => {
    expect(DELIVERY_REFERENCE_SOURCE).toBe(REFERENCE_SOURCE);
  });
});

describe('a team without a mapping', () => {
  it.each<[('pipelines' | 'repositories')[], RegExp]>([
    [
      ['pipelines', 'repositories'],
      /^Team "Web" has no delivery mapping in project "Shop": map its pipelines \(build or release definition ids\) and repositories under "teams"/,
    ],
    [
      ['pipelines'],
      /^Team "Web" has no pipelines \(build or release definition ids\) mapped in project "Shop": map its pipelines/,
    ],
    [
      ['repositories'],
      /^Team "Web" has no repositories mapped in project "Shop": map its repositories under "teams"/,
    ],
  ])('missing %j', (missing, message) => {
    const error = teamNotMapped('Shop', 'Web', missing);
    expect(error.failure).toBe('team_not_mapped');
    expect(error.parameter).toBe('team');
    expect(error.message).toMatch(message);
  });
});

describe('links and file names', () => {
  it('link into the project, escaping project, repository and commit', () => {
    const links = deliveryLinks('https://dev.azure.com/contoso//');
    expect(links.buildResults('Seika Demo', 12)).toBe(
      'https://dev.azure.com/contoso/Seika%20Demo/_build/results?buildId=12',
    );
    expect(links.releaseProgress('P', 3)).toBe(
      'https://dev.azure.com/contoso/P/_releaseProgress?releaseId=3',
    );
    expect(links.pullRequest('P', 'web app', 5)).toBe(
      'https://dev.azure.com/contoso/P/_git/web%20app/pullrequest/5',
    );
    expect(links.commit('P', 'r', 'abc')).toBe('https://dev.azure.com/contoso/P/_git/r/commit/abc');
    expect(links.workItem('P', 42)).toBe('https://dev.azure.com/contoso/P/_workitems/edit/42');
  });

  it('name CSV files by project, team and range, without path separators', () => {
    const meta = { project: 'Shop/EU', team: null, from: '2026-05-01', to: '2026-05-31' };
    expect(deliveryCsvFilename('delivery-changes', meta)).toBe(
      'seika-delivery-changes_Shop_EU_2026-05-01_2026-05-31.csv',
    );
    expect(deliveryCsvFilename('delivery-changes', { ...meta, team: 'Web:1' })).toBe(
      'seika-delivery-changes_Shop_EU_Web_1_2026-05-01_2026-05-31.csv',
    );
  });
});
