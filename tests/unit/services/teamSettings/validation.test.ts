import { describe, expect, it } from 'vitest';
import type { TeamFlowSettingsInput } from '../../../../service/src/contract/index.ts';
import { teamFlowSettingsSchema } from '../../../../service/src/contract/index.ts';
import type { StateCategory } from '../../../../service/src/domain/workflow.ts';
import { FlowRequestError } from '../../../../service/src/services/flow/errors.ts';
import { decodeTeamSettings, flowConfigOf } from '../../../../service/src/services/teamSettings/codec.ts';
import { validateTeamSettings } from '../../../../service/src/services/teamSettings/validation.ts';

const workflow = new Map<string, Map<string, StateCategory>>([
  [
    'Bug',
    new Map([
      ['New', 'Proposed'],
      ['Active', 'InProgress'],
      ['Resolved', 'Resolved'],
      ['Closed', 'Completed'],
    ]),
  ],
  [
    'Task',
    new Map([
      ['To Do', 'Proposed'],
      ['Doing', 'InProgress'],
      ['Done', 'Completed'],
    ]),
  ],
]);
const board = { name: 'Stories', columns: ['New', 'Dev', 'Test', 'Done'], layout: {} };

function check(input: TeamFlowSettingsInput, withBoard = true): FlowRequestError | undefined {
  try {
    validateTeamSettings(teamFlowSettingsSchema.parse(input), {
      workflow,
      board: withBoard ? board : undefined,
    });
    return undefined;
  } catch (error) {
    if (error instanceof FlowRequestError) return error;
    throw error;
  }
}

describe('validateTeamSettings', () => {
  it.each<[TeamFlowSettingsInput]>([
    [{}],
    [
      {
        startPoint: { kind: 'state', states: ['Active', 'Doing'] },
        endPoint: { kind: 'state', states: ['Done'] },
      },
    ],
    [
      {
        startPoint: { kind: 'boardColumn', column: 'Dev' },
        endPoint: { kind: 'boardColumn', column: 'Done' },
      },
    ],
    [{ waitingStates: ['resolved', 'TO DO'], workItemTypes: ['bug', 'Task'] }],
  ])('accepts %j', (input) => {
    expect(check(input)).toBeUndefined();
  });

  it.each<[TeamFlowSettingsInput, string, RegExp]>([
    [
      { startPoint: { kind: 'state', states: ['Active', 'Blocked'] } },
      'startPoint.states.1',
      /"Blocked", which is not a state/,
    ],
    [{ endPoint: { kind: 'state', states: ['done'] } }, 'endPoint.states.0', /spelled "Done"/],
    [
      { startPoint: { kind: 'boardColumn', column: 'QA' } },
      'startPoint.column',
      /"New", "Dev", "Test", "Done"/,
    ],
    [
      {
        startPoint: { kind: 'boardColumn', column: 'Test' },
        endPoint: { kind: 'boardColumn', column: 'Test' },
      },
      'endPoint.column',
      /right of/,
    ],
    [{ waitingStates: ['Waiting'] }, 'waitingStates.0', /"Waiting"/],
    [{ workItemTypes: ['Bug', 'Epic'] }, 'workItemTypes.1', /"Bug", "Task"/],
  ])('refuses %j naming %s', (input, parameter, message) => {
    const error = check(input);
    expect(error?.parameter).toBe(parameter);
    expect(error?.message).toMatch(message);
  });

  it('refuses a column boundary when the board is not synchronised', () => {
    expect(check({ startPoint: { kind: 'boardColumn', column: 'Dev' } }, false)?.message).toMatch(
      /board is not synchronised/,
    );
  });
});

describe('stored settings', () => {
  it('decode with defaults, and fall back to defaults when a row no longer parses', () => {
    const defaults = decodeTeamSettings(undefined);
    expect(decodeTeamSettings({ settings: '{"lookbackDays":30}', updatedAt: 'x' })).toEqual({
      ...defaults,
      lookbackDays: 30,
    });
    expect(decodeTeamSettings({ settings: '{"lookbackDays":-4}', updatedAt: 'x' })).toEqual(defaults);
    expect(decodeTeamSettings({ settings: 'not json', updatedAt: 'x' })).toEqual(defaults);
  });

  it("become the engine's config with the request's zone and sorted, distinct percentiles", () => {
    const config = flowConfigOf(decodeTeamSettings(undefined), 'UTC', [95, 50, 95]);
    expect(config.timeZone).toBe('UTC');
    expect(config.percentiles).toEqual([50, 95]);
    expect(flowConfigOf(decodeTeamSettings(undefined), 'Asia/Tokyo', undefined).percentiles).toEqual([
      50, 70, 85, 95,
    ]);
  });
});
