import { describe, expect, it } from 'vitest';
import { teamFlowSettingsSchema } from '../../../../../service/src/contract/index.ts';
import {
  draftOf,
  parsePercentiles,
  settingsFromDraft,
} from '../../../../../extension/src/hubs/flow/views/settingsDraft.ts';

const defaults = teamFlowSettingsSchema.parse({});

describe('settings draft', () => {
  it.each([
    ['50, 85,95', [50, 85, 95]],
    ['99.5', [99.5]],
    ['', null],
    ['50, abc', null],
    ['0, 50', null],
    ['101', null],
    ['1,2,3,4,5,6,7,8,9,10,11', null],
  ])('parsePercentiles(%j) = %j', (text, expected) => {
    expect(parsePercentiles(text)).toEqual(expected);
  });

  it('turns an untouched draft back into the same settings', () => {
    const result = settingsFromDraft(draftOf(defaults), defaults);
    expect(result).toEqual({ settings: defaults });
    expect(teamFlowSettingsSchema.parse('settings' in result ? result.settings : {})).toEqual(defaults);
  });

  it('maps empty time zone and types to null (the defaults) and names invalid fields', () => {
    const draft = {
      ...draftOf(defaults),
      timeZone: ' Europe/Paris ',
      workItemTypes: ['Bug'],
      lookbackDays: '60',
    };
    expect(settingsFromDraft(draft, defaults)).toEqual({
      settings: { ...defaults, timeZone: 'Europe/Paris', workItemTypes: ['Bug'], lookbackDays: 60 },
    });
    expect(
      settingsFromDraft({ ...draft, percentiles: 'x', lookbackDays: '0', historyDays: '4000' }, defaults),
    ).toEqual({
      invalid: ['percentiles', 'lookbackDays', 'historyDays'],
    });
  });
});

describe('holiday calendar in the settings draft', () => {
  it.each([
    ['by time zone (nothing chosen)', null, ''],
    ['Japanese holidays', 'japan', 'japan'],
    ['none', 'none', 'none'],
  ] as const)('%s round-trips', (_, chosen, shown) => {
    const settings = teamFlowSettingsSchema.parse({ holidayCalendar: chosen });
    const draft = draftOf(settings);
    expect(draft.holidayCalendar).toBe(shown);
    expect(settingsFromDraft(draft, settings)).toEqual({ settings });
  });

  it('sends the chosen calendar, or null to follow the time zone again', () => {
    const japan = teamFlowSettingsSchema.parse({ holidayCalendar: 'japan' });
    expect(settingsFromDraft({ ...draftOf(japan), holidayCalendar: '' }, japan)).toEqual({
      settings: { ...japan, holidayCalendar: null },
    });
    expect(settingsFromDraft({ ...draftOf(defaults), holidayCalendar: 'none' }, defaults)).toEqual({
      settings: { ...defaults, holidayCalendar: 'none' },
    });
  });
});
