import { describe, expect, it } from 'vitest';
import { parseParameters } from '../../../../service/src/api/params.ts';
import { HttpError } from '../../../../service/src/api/httpErrors.ts';
import type { NameMatch, ProjectDeliverySettingsInput } from '../../../../service/src/contract/index.ts';
import { projectDeliverySettingsSchema } from '../../../../service/src/contract/index.ts';
import { selectProductionDeployments } from '../../../../service/src/metrics/delivery/index.ts';
import {
  decodeDeliverySettings,
  DEFAULT_DELIVERY_SETTINGS,
  encodeDeliverySettings,
  incidentRuleOf,
  patternOf,
  productionRuleOf,
  teamMappingOf,
} from '../../../../service/src/services/delivery/settingsCodec.ts';
import { DEFAULT_INCIDENT_RULE } from '../../../../service/src/storage/delivery/repository.ts';
import type { DeploymentRecord } from '../../../../service/src/domain/delivery.ts';

function deployment(fields: Partial<DeploymentRecord> & { id: string }): DeploymentRecord {
  return {
    source: 'environment',
    project: 'P',
    pipelineId: 1,
    pipelineName: 'web',
    environmentName: 'production',
    stageName: 'Deploy',
    buildId: 1,
    releaseId: null,
    repository: 'repo',
    sourceBranch: 'refs/heads/main',
    sourceVersion: 'sha',
    attempt: 1,
    queuedAt: null,
    startedAt: null,
    finishedAt: 1,
    outcome: 'succeeded',
    rawResult: 'succeeded',
    provenance: { rawPageId: 1 },
    ...fields,
  };
}

function refusal(body: unknown): { parameter: string | undefined; message: string } {
  try {
    parseParameters(projectDeliverySettingsSchema, body, 'body');
  } catch (error) {
    if (error instanceof HttpError) return { parameter: error.parameter, message: error.message };
    throw error;
  }
  throw new Error('expected a 400');
}

describe('delivery settings schema', () => {
  it('an empty body means the definitions: /prod/i, Bugs tagged "incident", link tags "deployment:"', () => {
    expect(DEFAULT_DELIVERY_SETTINGS).toEqual({
      timeZone: null,
      production: {
        environments: { kind: 'pattern', pattern: 'prod' },
        stages: { kind: 'pattern', pattern: 'prod' },
      },
      incidents: { workItemTypes: ['Bug'], tag: 'incident', linkTagPrefix: 'deployment:' },
      bugWorkItemTypes: ['Bug'],
      teams: [],
    });
    expect(incidentRuleOf(DEFAULT_DELIVERY_SETTINGS)).toEqual(DEFAULT_INCIDENT_RULE);
    expect(productionRuleOf(DEFAULT_DELIVERY_SETTINGS)).toEqual({
      environmentNamePattern: 'prod',
      stageNamePattern: 'prod',
    });
  });

  it.each<[ProjectDeliverySettingsInput | unknown, string, RegExp]>([
    [
      { production: { environments: { kind: 'pattern', pattern: '[prod' } } },
      'production.environments.pattern',
      /is not a valid regular expression/,
    ],
    [
      { production: { stages: { kind: 'pattern', pattern: '(?<x>a)(?<x>b)' } } },
      'production.stages.pattern',
      /is not a valid regular expression/,
    ],
    [
      { production: { environments: { kind: 'pattern', pattern: '' } } },
      'production.environments.pattern',
      /must not be empty/,
    ],
    [
      { production: { environments: { kind: 'names', names: ['prod', ' '] } } },
      'production.environments.names.1',
      /must not be empty/,
    ],
    [
      { production: { environments: { kind: 'names', names: [] } } },
      'production.environments.names',
      /at least one name/,
    ],
    [{ incidents: { tag: '' } }, 'incidents.tag', /must not be empty/],
    [{ incidents: { linkTagPrefix: 5 } }, 'incidents.linkTagPrefix', /./],
    [{ bugWorkItemTypes: [] }, 'bugWorkItemTypes', /at least one type/],
    [{ teams: [{ team: 'Web' }, { team: 'web ' }] }, 'teams.1.team', /maps team "web" a second time/],
    [
      { teams: [{ team: 'Web', releaseDefinitionIds: [1.5] }] },
      'teams.0.releaseDefinitionIds.0',
      /whole numbers/,
    ],
    [{ teams: [{ buildDefinitionIds: [1] }] }, 'teams.0.team', /is required/],
    [{ timeZone: 'Tokyo' }, 'timeZone', /IANA time zone/],
    [{ production: 'prod' }, 'production', /./],
  ])('%j is refused naming %s', (body, parameter, message) => {
    const refused = refusal(body);
    expect(refused.parameter).toBe(parameter);
    expect(refused.message).toMatch(message);
    expect(refused.message.startsWith(`Body field "${parameter}"`)).toBe(true);
  });

  it('names are matched whole, case-insensitively, with every special character taken literally', () => {
    const cases: [NameMatch, string, boolean][] = [
      [{ kind: 'names', names: ['prod (eu)'] }, 'PROD (EU)', true],
      [{ kind: 'names', names: ['prod (eu)'] }, 'prod (eu)-2', false],
      [{ kind: 'names', names: ['prod (eu)'] }, 'prod eu', false],
      [{ kind: 'names', names: ['a.b', 'c|d'] }, 'axb', false],
      [{ kind: 'names', names: ['a.b', 'c|d'] }, 'c|d', true],
      [{ kind: 'names', names: ['a.b', 'c|d'] }, 'c', false],
      [{ kind: 'pattern', pattern: 'prod' }, 'Production', true],
      [{ kind: 'pattern', pattern: '^prod$' }, 'production', false],
    ];
    for (const [match, name, production] of cases) {
      expect(new RegExp(patternOf(match), 'i').test(name), `${JSON.stringify(match)} ${name}`).toBe(
        production,
      );
    }
  });

  it('the rule it produces selects what the engine counts as production', () => {
    const settings = projectDeliverySettingsSchema.parse({
      production: {
        environments: { kind: 'names', names: ['Live'] },
        stages: { kind: 'pattern', pattern: '^ship' },
      },
    });
    const records = [
      deployment({ id: 'environment:1', environmentName: 'live' }),
      deployment({ id: 'environment:2', environmentName: 'production' }),
      deployment({
        id: 'pipelineStage:3',
        source: 'pipelineStage',
        pipelineId: 2,
        environmentName: null,
        stageName: 'ShipIt',
      }),
      deployment({
        id: 'pipelineStage:4',
        source: 'pipelineStage',
        pipelineId: 2,
        environmentName: null,
        stageName: 'Prod',
      }),
    ];
    const selection = selectProductionDeployments(records, { default: productionRuleOf(settings) });
    expect(selection.status === 'ok' && selection.deployments.map((d) => d.id)).toEqual([
      'environment:1',
      'pipelineStage:3',
    ]);
  });

  it('stored text round-trips; text that no longer parses falls back to the defaults', () => {
    const settings = projectDeliverySettingsSchema.parse({
      teams: [{ team: 'Web', buildDefinitionIds: [3] }],
    });
    const stored = { settings: encodeDeliverySettings(settings), updatedAt: '2026-06-01T00:00:00.000Z' };
    expect(decodeDeliverySettings(stored)).toEqual(settings);
    expect(decodeDeliverySettings(undefined)).toBe(DEFAULT_DELIVERY_SETTINGS);
    expect(decodeDeliverySettings({ ...stored, settings: '{not json' })).toBe(DEFAULT_DELIVERY_SETTINGS);
    expect(decodeDeliverySettings({ ...stored, settings: '{"teams":"all"}' })).toBe(
      DEFAULT_DELIVERY_SETTINGS,
    );
  });

  it('team mappings are found case-insensitively', () => {
    const settings = projectDeliverySettingsSchema.parse({
      teams: [{ team: 'Web Team', repositories: ['r'] }],
    });
    expect(teamMappingOf(settings, 'web team')?.repositories).toEqual(['r']);
    expect(teamMappingOf(settings, 'Web')).toBeUndefined();
  });
});
