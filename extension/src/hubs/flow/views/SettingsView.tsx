import { useState } from 'react';
import type { TeamSettingsResponse } from '../../../../../service/src/contract/index.ts';
import { apiErrorText } from '../../../i18n/apiErrors.ts';
import { languageOf } from '../../../i18n/locale.ts';
import { queryKey, useQuery, useQueryClient } from '../../../data/useQuery.ts';
import { useFlow } from '../parts/flowContext.ts';
import { Notice } from '../parts/StateMessages.tsx';
import type { DateRange } from '../state/dateRange.ts';
import { BoundaryField, CheckList } from './SettingsFields.tsx';
import { draftOf, parsePercentiles, settingsFromDraft, type SettingsDraft } from './settingsDraft.ts';
import { HOLIDAY_CALENDARS } from '../../../../../service/src/contract/calendar/workingCalendar.ts';

/** The team's flow settings with a preview of the cycle-time lines they give. */
export function SettingsView({ settings, range }: { settings: TeamSettingsResponse; range: DateRange }) {
  const { strings, client, team, locale } = useFlow();
  const language = languageOf(locale);
  const s = strings.settings;
  // The service decides; the hub only hides what the caller could not save.
  const capabilities = useQuery(queryKey('capabilities', team), (signal) =>
    client.getAccessCapabilities(team.organization, { project: team.project, team: team.team }, signal),
  );
  const mayEdit =
    capabilities.status === 'success' &&
    (capabilities.data.team?.administrator === true || capabilities.data.project?.administrator === true);
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings.settings));
  const [status, setStatus] = useState<
    { kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string }
  >({ kind: 'idle' });
  const set = (patch: Partial<SettingsDraft>): void => setDraft((previous) => ({ ...previous, ...patch }));
  const { options } = settings;
  const startedStates = options.states
    .filter((state) => state.category === 'InProgress' || state.category === 'Resolved')
    .map((state) => state.name);
  const previewPercentiles = parsePercentiles(draft.percentiles);
  const timeZone = draft.timeZone.trim();
  const preview = useQuery(
    previewPercentiles === null ? null : queryKey('preview', { team, range, previewPercentiles, timeZone }),
    (signal) =>
      client.getFlowSummary(
        team,
        { ...range, percentiles: previewPercentiles ?? [], ...(timeZone ? { timeZone } : {}) },
        signal,
      ),
  );
  const save = (): void => {
    const result = settingsFromDraft(draft, settings.settings);
    if ('invalid' in result) {
      setStatus({ kind: 'error', message: `${s.invalid} (${result.invalid.join(', ')})` });
      return;
    }
    setStatus({ kind: 'saving' });
    client.putTeamSettings(team, result.settings).then(
      () => {
        setStatus({ kind: 'saved' });
        for (const prefix of ['settings:', 'summary:', 'howMany:', 'when:', 'preview:'])
          queryClient.invalidate(prefix);
      },
      (error: unknown) => setStatus({ kind: 'error', message: apiErrorText(error, language) }),
    );
  };
  return (
    <div className="seika-view-grid seika-settings" data-testid="settings-view">
      <form
        className="seika-card seika-settings-form"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <h2 className="seika-card-title">{s.title}</h2>
        <p className="secondary-text">{mayEdit ? s.note : s.readOnly}</p>
        <fieldset className="seika-settings-fields" disabled={!mayEdit}>
          <BoundaryField
            legend={s.startPoint}
            value={draft.startPoint}
            states={startedStates}
            columns={options.boardColumns}
            onChange={(startPoint) => set({ startPoint })}
          />
          <BoundaryField
            legend={s.endPoint}
            value={draft.endPoint}
            states={options.states
              .filter((state) => state.category === 'Completed')
              .map((state) => state.name)}
            columns={options.boardColumns}
            onChange={(endPoint) => set({ endPoint })}
          />
          <CheckList
            legend={s.waitingStates}
            options={startedStates}
            value={draft.waitingStates}
            onChange={(waitingStates) => set({ waitingStates })}
          />
          <CheckList
            legend={s.workItemTypes}
            options={options.workItemTypes}
            value={draft.workItemTypes}
            onChange={(workItemTypes) => set({ workItemTypes })}
          />
          <label className="seika-field">
            {s.percentiles}
            <input
              className="seika-input"
              name="percentiles"
              value={draft.percentiles}
              aria-invalid={previewPercentiles === null}
              onChange={(e) => set({ percentiles: e.target.value })}
            />
          </label>
          <label className="seika-field">
            {s.lookback}
            <input
              className="seika-input seika-number"
              name="lookbackDays"
              value={draft.lookbackDays}
              inputMode="numeric"
              onChange={(e) => set({ lookbackDays: e.target.value })}
            />
          </label>
          <label className="seika-field">
            {s.timeZone}
            <input
              className="seika-input"
              name="timeZone"
              value={draft.timeZone}
              placeholder={settings.effectiveTimeZone}
              onChange={(e) => set({ timeZone: e.target.value })}
            />
          </label>
          <label className="seika-field">
            {s.weekStart}
            <select
              className="seika-input"
              value={draft.weekStartsOn}
              onChange={(e) => set({ weekStartsOn: Number(e.target.value) })}
            >
              {s.weekdays.map((name, index) => (
                <option key={name} value={index}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <label className="seika-field">
            {s.holidayCalendar}
            <select
              className="seika-input"
              name="holidayCalendar"
              value={draft.holidayCalendar}
              onChange={(e) => {
                const chosen = HOLIDAY_CALENDARS.find((id) => id === e.target.value);
                set({ holidayCalendar: chosen ?? '' });
              }}
            >
              <option value="">
                {s.holidayCalendarDefault(s.holidayCalendars[settings.effectiveHolidayCalendar])}
              </option>
              {HOLIDAY_CALENDARS.map((id) => (
                <option key={id} value={id}>
                  {s.holidayCalendars[id]}
                </option>
              ))}
            </select>
          </label>
          <label className="seika-field">
            {s.historyDays}
            <input
              className="seika-input seika-number"
              name="historyDays"
              value={draft.historyDays}
              inputMode="numeric"
              onChange={(e) => set({ historyDays: e.target.value })}
            />
          </label>
        </fieldset>
        <div className="seika-card-actions">
          <button
            type="submit"
            className="seika-button seika-primary"
            disabled={!mayEdit || status.kind === 'saving'}
          >
            {status.kind === 'saving' ? s.saving : s.save}
          </button>
          <span role="status" data-testid="settings-status">
            {status.kind === 'saved' ? s.saved : status.kind === 'error' ? status.message : ''}
          </span>
        </div>
      </form>
      <section className="seika-card" data-testid="settings-preview">
        <h2 className="seika-card-title">{s.preview}</h2>
        <p>{s.previewBody}</p>
        {preview.status === 'success' ? (
          <ul className="seika-answers">
            {preview.data.cycleTime.percentiles.map((line) => (
              <li key={line.percentile} data-percentile={line.percentile} data-days={line.days ?? ''}>
                {line.days === null
                  ? strings.states.withheld
                  : strings.cycleTime.sentence(line.percentile, line.days)}
              </li>
            ))}
          </ul>
        ) : preview.status === 'error' ? (
          <Notice testId="preview-error" tone="warning" title={apiErrorText(preview.error, language)} />
        ) : (
          <p>{strings.states.loading}</p>
        )}
        <p className="secondary-text">{s.previewOnly}</p>
      </section>
    </div>
  );
}
