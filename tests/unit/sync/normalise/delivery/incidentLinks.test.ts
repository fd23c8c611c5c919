import { describe, expect, it } from 'vitest';
import {
  artifactOfUri,
  deploymentArtifactsOf,
  toIncidentLinks,
  workItemRelationsResponseSchema,
} from '../../../../../service/src/sync/normalise/delivery/incidentLinks.ts';
import { nextIncidentLinksWatermark } from '../../../../../service/src/sync/collect/delivery/incidentRelations.ts';

const artifact = (name: string, url: string) => ({
  rel: 'ArtifactLink',
  url,
  attributes: { authorizedDate: '2026-03-02T10:00:00Z', id: 41, name, revisedDate: '9999-01-01T00:00:00Z' },
});

describe('artifact URIs', () => {
  it.each([
    ['vstfs:///Build/Build/27494', { kind: 'build', id: 27494 }],
    ['VSTFS:///build/build/12', { kind: 'build', id: 12 }],
    [
      'vstfs:///ReleaseManagement/ReleaseEnvironment/cc345a36-9ca7-4723-b816-60f46b4ea176:16252:51414',
      { kind: 'release', id: 16252 },
    ],
    ['vstfs:///ReleaseManagement/Release/7', { kind: 'release', id: 7 }],
    ['vstfs:///Git/Commit/p%2Fr%2Fabc', undefined],
    ['vstfs:///Git/PullRequestId/p%2Fr%2F37', undefined],
    ['vstfs:///Build/Build/abc', undefined],
    ['https://dev.azure.com/fabrikam/_apis/wit/workItems/3', undefined],
  ])('%s', (uri, expected) => {
    expect(artifactOfUri(uri)).toEqual(expected);
  });
});

describe('deployment links among relations', () => {
  it.each([
    ['Found in build', [artifact('Found in build', 'vstfs:///Build/Build/5')], [{ kind: 'build', id: 5 }]],
    [
      'Integrated in build, twice the same build',
      [
        artifact('Integrated in build', 'vstfs:///Build/Build/5'),
        artifact('integrated in build', 'vstfs:///Build/Build/5'),
      ],
      [{ kind: 'build', id: 5 }],
    ],
    [
      'Integrated in release environment',
      [
        artifact(
          'Integrated in release environment',
          'vstfs:///ReleaseManagement/ReleaseEnvironment/cc345a36-9ca7-4723-b816-60f46b4ea176:16252:51414',
        ),
      ],
      [{ kind: 'release', id: 16252 }],
    ],
    ['a commit link is no deployment', [artifact('Fixed in Commit', 'vstfs:///Git/Commit/a%2Fb%2Fc')], []],
    ['a plain build link is not a found-in link', [artifact('Build', 'vstfs:///Build/Build/5')], []],
    [
      'work item links are not artifacts',
      [
        {
          rel: 'System.LinkTypes.Related',
          url: 'https://dev.azure.com/fabrikam/_apis/wit/workItems/3',
          attributes: { isLocked: false, name: 'Related' },
        },
      ],
      [],
    ],
  ])('%s', (_name, relations, expected) => {
    expect(deploymentArtifactsOf(relations)).toEqual(expected);
  });

  it('every item of the answer gets its rows, an item without links an empty list, a missing one none', () => {
    const response = workItemRelationsResponseSchema.parse({
      count: 3,
      value: [
        { id: 10, rev: 3, fields: {}, relations: [artifact('Found in build', 'vstfs:///Build/Build/5')] },
        { id: 11, rev: 1, fields: {} },
        null,
      ],
    });
    expect(toIncidentLinks(response)).toEqual([
      { workItemId: 10, artifacts: [{ kind: 'build', id: 5 }] },
      { workItemId: 11, artifacts: [] },
    ]);
  });
});

describe('the incident links watermark', () => {
  it.each([
    [
      'first run: the newest change and the items read at it',
      undefined,
      [
        { id: 3, changedAt: 100 },
        { id: 4, changedAt: 200 },
        { id: 5, changedAt: 200 },
      ],
      { changedAt: 200, ids: [4, 5] },
    ],
    [
      'a later change moves it and forgets the ids of the older time',
      { changedAt: 200, ids: [4, 5] },
      [{ id: 6, changedAt: 300 }],
      { changedAt: 300, ids: [6] },
    ],
    [
      'another item at the same time joins the ids',
      { changedAt: 300, ids: [6] },
      [{ id: 7, changedAt: 300 }],
      { changedAt: 300, ids: [6, 7] },
    ],
  ])('%s', (_name, previous, read, expected) => {
    expect(nextIncidentLinksWatermark(previous, read)).toEqual(expected);
  });
});
