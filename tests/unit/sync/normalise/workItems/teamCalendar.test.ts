import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { iterationsForDaysOff } from '../../../../../service/src/sync/collect/workItems/teamMetadata.ts';
import {
  daysOffFrom,
  teamDaysOffSchema,
  teamSettingsSchema,
} from '../../../../../service/src/sync/normalise/workItems/teamMetadata.ts';
import { ADO_EXAMPLES_URL } from '../../../../fixtures/adoExamples.ts';

const teamSettingsExample: unknown = JSON.parse(
  readFileSync(new URL('work__GET__work_teamsettings.json', ADO_EXAMPLES_URL), 'utf8'),
).responses['200'].body;

describe('team working days and days off as Azure DevOps sends them', () => {
  it('reads working days from the official team settings example', () => {
    expect(teamSettingsSchema.parse(teamSettingsExample).workingDays).toEqual([
      'monday',
      'tuesday',
      'wednesday',
      'thursday',
      'friday',
    ]);
  });

  it.each<[string, unknown, unknown]>([
    ['the REST spelling', ['Sunday', 'monday'], ['sunday', 'monday']],
    ['the client library’s DayOfWeek numbers (Sunday = 0)', [0, 4, 6], ['sunday', 'thursday', 'saturday']],
    ['nothing ticked', [], []],
    ['absent on pages stored before', undefined, undefined],
  ])('working days in %s', (_, workingDays, expected) => {
    const parsed = teamSettingsSchema.parse({ bugsBehavior: 'off', workingDays });
    expect(parsed.workingDays).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ['an unknown day name', ['funday']],
    ['a day number out of range', [7]],
  ])('refuses %s', (_, workingDays) => {
    expect(teamSettingsSchema.safeParse({ bugsBehavior: 'off', workingDays }).success).toBe(false);
  });

  it.each<[string, unknown, { start: string; end: string }[]]>([
    [
      'the REST answer (midnight UTC)',
      { daysOff: [{ start: '2024-12-25T00:00:00Z', end: '2024-12-26T00:00:00Z' }], url: 'x' },
      [{ start: '2024-12-25', end: '2024-12-26' }],
    ],
    [
      'the client library’s Dates as the stored page keeps them, out of order',
      {
        daysOff: [
          { start: '2026-12-30T00:00:00.000Z', end: '2026-12-30T00:00:00.000Z' },
          { start: '2026-12-28T00:00:00.000Z', end: '2026-12-29T00:00:00.000Z' },
        ],
      },
      [
        { start: '2026-12-28', end: '2026-12-29' },
        { start: '2026-12-30', end: '2026-12-30' },
      ],
    ],
    [
      'a reversed range',
      { daysOff: [{ start: '2026-05-02T00:00:00Z', end: '2026-05-01T00:00:00Z' }] },
      [{ start: '2026-05-01', end: '2026-05-02' }],
    ],
    ['no days off', { daysOff: [] }, []],
    ['an answer without the list', {}, []],
  ])('days off from %s', (_, answer, expected) => {
    expect(daysOffFrom(teamDaysOffSchema.parse(answer))).toEqual(expected);
  });

  it('refuses a days-off date that is no date', () => {
    expect(teamDaysOffSchema.safeParse({ daysOff: [{ start: 'soon', end: 'later' }] }).success).toBe(false);
  });

  it('reads days off only for current and future sprints and those ended in the last 120 days', () => {
    const sprint = (id: string, startDate: string | null, finishDate: string | null) => ({
      id,
      name: id,
      path: `P\\${id}`,
      attributes: { startDate, finishDate },
    });
    const today = '2026-12-07';
    expect(
      iterationsForDaysOff(
        [
          sprint('ended-long-ago', '2026-07-20T00:00:00Z', '2026-07-31T00:00:00Z'),
          sprint('ended-within-120-days', '2026-08-03T00:00:00Z', '2026-08-14T00:00:00Z'),
          sprint('current', '2026-11-30T00:00:00Z', '2026-12-11T00:00:00Z'),
          sprint('next', '2026-12-14T00:00:00Z', '2026-12-25T00:00:00Z'),
          sprint('next-year', '2027-11-29T00:00:00Z', '2027-12-10T00:00:00Z'),
          sprint('far-future', '2028-01-03T00:00:00Z', '2028-01-14T00:00:00Z'),
          sprint('undated', null, null),
        ],
        today,
      ),
    ).toEqual(['ended-within-120-days', 'current', 'next', 'next-year']);
    expect(iterationsForDaysOff({ not: 'a list' }, today)).toEqual([]);
  });
});
