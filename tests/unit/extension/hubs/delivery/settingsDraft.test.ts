import { describe, expect, it } from 'vitest';
import { projectDeliverySettingsSchema } from '../../../../../service/src/contract/delivery/settings.ts';
import {
  draftOf,
  draftProblems,
  inputOf,
  previewInputOf,
  splitList,
} from '../../../../../extension/src/hubs/delivery/state/settingsDraft.ts';

const defaults = projectDeliverySettingsSchema.parse({});

describe('settings draft', () => {
  it('shows the defaults as text and sends them back unchanged', () => {
    const draft = draftOf(defaults);
    expect(draft).toEqual({
      environments: 'prod',
      stages: 'prod',
      incidentTypes: 'Bug',
      incidentTag: 'incident',
      teams: [],
    });
    expect(projectDeliverySettingsSchema.parse(inputOf(draft, defaults))).toEqual(defaults);
  });

  it('shows a list of names as the equivalent anchored pattern', () => {
    const settings = projectDeliverySettingsSchema.parse({
      production: { environments: { kind: 'names', names: ['Live', 'a.b'] } },
    });
    const pattern = draftOf(settings).environments;
    expect(pattern).toBe('^(Live|a\\.b)$');
    expect(new RegExp(pattern, 'i').test('live')).toBe(true);
    expect(new RegExp(pattern, 'i').test('axb')).toBe(false);
  });

  it('maps teams to build and release pipelines and repositories', () => {
    const draft = {
      ...draftOf(defaults),
      incidentTag: '  ',
      teams: [
        { team: ' Web Team ', pipelines: '1, 4', releases: '2', repositories: 'repo-a, repo-b' },
        { team: '', pipelines: '9', releases: '', repositories: '' },
      ],
    };
    const input = projectDeliverySettingsSchema.parse(inputOf(draft, defaults));
    expect(input.incidents.tag).toBeNull();
    expect(input.teams).toEqual([
      {
        team: 'Web Team',
        buildDefinitionIds: [1, 4],
        releaseDefinitionIds: [2],
        repositories: ['repo-a', 'repo-b'],
      },
    ]);
  });

  it.each([
    [{ environments: '(' }, ['environments']],
    [{ stages: '' }, ['stages']],
    [{ incidentTypes: ' , ' }, ['incidentTypes']],
    [{ teams: [{ team: 'A', pipelines: '1, x', releases: '', repositories: '' }] }, ['pipelines']],
    [{ teams: [{ team: 'A', pipelines: '', releases: '0', repositories: '' }] }, ['pipelines']],
    [{}, []],
  ])('problems of %j: %j', (change, expected) => {
    expect(draftProblems({ ...draftOf(defaults), ...change })).toEqual(expected);
  });

  it('splits comma lists, dropping blanks', () => {
    expect(splitList(' a, ,b ,')).toEqual(['a', 'b']);
  });

  it('asks for a preview of the production mark only, and only once both patterns are valid', () => {
    expect(previewInputOf({ environments: 'prod|live', stages: '^Ship$' })).toEqual({
      production: {
        environments: { kind: 'pattern', pattern: 'prod|live' },
        stages: { kind: 'pattern', pattern: '^Ship$' },
      },
    });
    expect(previewInputOf({ environments: '(', stages: 'prod' })).toBeNull();
    expect(previewInputOf({ environments: 'prod', stages: ' ' })).toBeNull();
  });
});
