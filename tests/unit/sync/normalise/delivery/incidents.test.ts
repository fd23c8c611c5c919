import { describe, expect, it } from 'vitest';
import type { FlowItem, StateTransitionRecord } from '../../../../../service/src/domain/records.ts';
import type { StateCategory } from '../../../../../service/src/domain/workflow.ts';
import { DEFAULT_INCIDENT_RULE } from '../../../../../service/src/storage/delivery/repository.ts';
import {
  completedAtOf,
  incidentsFrom,
  linkedDeploymentOf,
} from '../../../../../service/src/sync/normalise/delivery/incidents.ts';

const BUG_STATES: [string, StateCategory][] = [
  ['New', 'Proposed'],
  ['Active', 'InProgress'],
  ['Resolved', 'Resolved'],
  ['Closed', 'Completed'],
  ['Done', 'Completed'],
  ['Removed', 'Removed'],
];
const WORKFLOW = new Map([['Bug', new Map(BUG_STATES)]]);
const WORKFLOWS = new Map([['P', WORKFLOW]]);

function flow(id: number, states: [string, string][], extra: Partial<FlowItem['item']> = {}): FlowItem {
  const transitions: StateTransitionRecord[] = states.map(([state, time], index) => ({
    workItemId: id,
    revision: index + 1,
    at: Date.parse(time),
    fromState: index === 0 ? null : (states[index - 1]?.[0] ?? null),
    toState: state,
    workItemType: 'Bug',
    provenance: { rawPageId: 1 },
  }));
  return {
    item: {
      id,
      project: 'P',
      workItemType: 'Bug',
      title: `Incident ${id}`,
      areaPath: 'P',
      tags: ['incident'],
      state: states.at(-1)?.[0] ?? 'New',
      createdAt: Date.parse(states[0]?.[1] ?? '2026-05-01T00:00:00Z'),
      changedAt: 0,
      revision: states.length,
      isDeleted: false,
      provenance: { rawPageId: 7 },
      ...extra,
    },
    transitions,
  };
}

describe('linkedDeploymentOf', () => {
  it.each([
    [['incident', 'deployment:environment:250'], 'environment:250'],
    [['Deployment:ClassicRelease:77'], 'classicRelease:77'],
    [['deployment:pipelineStage:12:Prod:1'], 'pipelineStage:12:Prod:1'],
    [['deployment:elsewhere:3'], null],
    [['deployment:environment:'], null],
    [['deployment'], null],
    [['incident'], null],
  ])('%j → %s', (tags, expected) => {
    expect(linkedDeploymentOf(tags, 'deployment:')).toBe(expected);
  });
});

describe('completedAtOf', () => {
  it.each([
    [
      'open',
      [
        ['New', '2026-05-01T00:00:00Z'],
        ['Active', '2026-05-01T01:00:00Z'],
      ],
      null,
    ],
    [
      'closed once',
      [
        ['New', '2026-05-01T00:00:00Z'],
        ['Closed', '2026-05-01T05:00:00Z'],
      ],
      '2026-05-01T05:00:00Z',
    ],
    [
      'moves within Completed keep the first entry',
      [
        ['New', '2026-05-01T00:00:00Z'],
        ['Done', '2026-05-01T05:00:00Z'],
        ['Closed', '2026-05-02T00:00:00Z'],
      ],
      '2026-05-01T05:00:00Z',
    ],
    [
      'reopened and closed again: the last entry',
      [
        ['New', '2026-05-01T00:00:00Z'],
        ['Closed', '2026-05-01T05:00:00Z'],
        ['Active', '2026-05-02T00:00:00Z'],
        ['Closed', '2026-05-03T00:00:00Z'],
      ],
      '2026-05-03T00:00:00Z',
    ],
    [
      'reopened and still open',
      [
        ['New', '2026-05-01T00:00:00Z'],
        ['Closed', '2026-05-01T05:00:00Z'],
        ['Active', '2026-05-02T00:00:00Z'],
      ],
      null,
    ],
  ] as [string, [string, string][], string | null][])('%s', (_case, states, expected) => {
    expect(completedAtOf(flow(1, states), WORKFLOW)).toBe(expected === null ? null : Date.parse(expected));
  });

  it('is null when the workflow of the type is unknown', () => {
    expect(completedAtOf(flow(1, [['Closed', '2026-05-01T00:00:00Z']]), new Map())).toBeNull();
  });
});

describe('incidentsFrom', () => {
  const closed: [string, string][] = [
    ['New', '2026-05-01T00:00:00Z'],
    ['Closed', '2026-05-01T06:00:00Z'],
  ];

  it('keeps Bugs tagged incident (any case) with their completion and explicit link', () => {
    const items = [
      flow(1, closed, { tags: ['Incident', 'deployment:environment:9'] }),
      flow(2, closed, { tags: ['customer'] }),
      flow(3, closed, { workItemType: 'User Story' }),
      flow(4, closed, { isDeleted: true }),
      flow(5, [
        ['New', '2026-05-01T00:00:00Z'],
        ['Removed', '2026-05-01T02:00:00Z'],
      ]),
      flow(6, [['New', '2026-05-02T00:00:00Z']]),
    ];
    expect(incidentsFrom(items, WORKFLOWS, DEFAULT_INCIDENT_RULE)).toEqual([
      {
        workItemId: 1,
        project: 'P',
        title: 'Incident 1',
        createdAt: Date.parse('2026-05-01T00:00:00Z'),
        completedAt: Date.parse('2026-05-01T06:00:00Z'),
        linkedDeploymentId: 'environment:9',
        provenance: { rawPageId: 7 },
      },
      {
        workItemId: 6,
        project: 'P',
        title: 'Incident 6',
        createdAt: Date.parse('2026-05-02T00:00:00Z'),
        completedAt: null,
        linkedDeploymentId: null,
        provenance: { rawPageId: 7 },
      },
    ]);
  });

  it('follows a configured rule: another type, no tag required', () => {
    const items = [flow(1, closed, { workItemType: 'Issue', tags: [] }), flow(2, closed)];
    const ids = incidentsFrom(items, WORKFLOWS, {
      workItemTypes: ['issue'],
      tag: null,
      linkTagPrefix: 'deployment:',
    }).map((incident) => incident.workItemId);
    expect(ids).toEqual([1]);
  });
});
