import { useEffect, useState } from 'react';
import {
  COMPANY_HOLIDAY_ERRORS,
  type CompanyHoliday,
} from '../../../../service/src/contract/calendar/workingCalendar.ts';
import { SeikaApiError, type SeikaClient } from '../../api/seikaClient.ts';
import { dayInZone, formatDay } from '../../format/calendar.ts';
import { apiErrorText } from '../../i18n/apiErrors.ts';
import type { Language, Localization } from '../../i18n/locale.ts';
import { COMPANY_HOLIDAY_TEXT, type CompanyHolidayTexts } from './companyHolidayStrings.ts';
import {
  holidayNumberOf,
  newYearSuggestion,
  sameRange,
  withHoliday,
  withoutHoliday,
} from './companyHolidays.ts';

type Status = { kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string };

/**
 * A refused save in the reader's language: a holiday code is worded with the holiday's number (this
 * section's own words); any other failure as every hub words API errors.
 */
function problemText(error: unknown, text: CompanyHolidayTexts, language: Language): string {
  if (!(error instanceof SeikaApiError)) return apiErrorText(error, language);
  const code = COMPANY_HOLIDAY_ERRORS.find((known) => known === error.code);
  if (code === undefined) return apiErrorText(error, language);
  const number = holidayNumberOf(error.parameter);
  return number === undefined ? text.errors[code] : text.holiday(number, text.errors[code]);
}

const today = (): string => dayInZone(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone);

/**
 * Company holidays (年末年始 and the like) for organization administrators: the list, adding a range or the
 * coming New Year in one click, removing one. Each change saves the whole list at once.
 */
export function CompanyHolidaysSection({
  client,
  organization,
  localization,
}: {
  client: SeikaClient;
  organization: string;
  localization: Localization;
}) {
  const text = COMPANY_HOLIDAY_TEXT[localization.language];
  const [holidays, setHolidays] = useState<CompanyHoliday[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [draft, setDraft] = useState({ start: '', end: '', name: '' });

  useEffect(() => {
    const controller = new AbortController();
    client.getCompanyHolidays(organization, controller.signal).then(
      (answer) => setHolidays(answer.holidays),
      (caught: unknown) => {
        if (!controller.signal.aborted) setLoadError(problemText(caught, text, localization.language));
      },
    );
    return () => controller.abort();
  }, [client, organization, text]);

  const save = (next: CompanyHoliday[], onSaved?: () => void): void => {
    setStatus({ kind: 'saving' });
    client.putCompanyHolidays(organization, next).then(
      (answer) => {
        setHolidays(answer.holidays);
        setStatus({ kind: 'saved' });
        onSaved?.();
      },
      (caught: unknown) =>
        setStatus({ kind: 'error', message: problemText(caught, text, localization.language) }),
    );
  };

  const suggestion = newYearSuggestion(today(), text.suggestedName);
  const list = holidays ?? [];
  const busy = status.kind === 'saving' || holidays === null;
  const day = (value: string) => formatDay(value, localization.locale);

  return (
    <section
      className="flex-column rhythm-vertical-8"
      aria-labelledby="seika-company-holidays-title"
      data-testid="company-holidays"
    >
      <h2 id="seika-company-holidays-title" className="title-m seika-section-title">
        {text.heading}
      </h2>
      <p className="secondary-text">{text.note}</p>
      {loadError !== null ? <p role="alert">{loadError}</p> : null}
      {holidays !== null && list.length === 0 ? <p data-testid="company-holidays-none">{text.none}</p> : null}
      {list.length > 0 ? (
        <table className="seika-usage-table" data-testid="company-holidays-table">
          <thead>
            <tr>
              <th scope="col">{text.name}</th>
              <th scope="col">{text.first}</th>
              <th scope="col">{text.last}</th>
              <th scope="col">{text.actions}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((holiday, index) => (
              <tr key={`${holiday.start}-${holiday.end}`} data-start={holiday.start} data-end={holiday.end}>
                <th scope="row">{holiday.name}</th>
                <td>{day(holiday.start)}</td>
                <td>{day(holiday.end)}</td>
                <td>
                  <button
                    type="button"
                    className="seika-holiday-button"
                    disabled={busy}
                    aria-label={`${text.remove(holiday.name)} (${text.range(day(holiday.start), day(holiday.end))})`}
                    onClick={() => save(withoutHoliday(list, index))}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {!list.some((holiday) => sameRange(holiday, suggestion)) ? (
        <div>
          <button
            type="button"
            className="seika-holiday-button"
            data-testid="company-holidays-suggest"
            disabled={busy}
            onClick={() => save(withHoliday(list, suggestion))}
          >
            {text.suggest}
          </button>
        </div>
      ) : null}
      <form
        className="seika-holiday-form"
        onSubmit={(event) => {
          event.preventDefault();
          // The service checks the range and answers a code; the form only sends what was typed.
          save([...list, { start: draft.start, end: draft.end || draft.start, name: draft.name }], () =>
            setDraft({ start: '', end: '', name: '' }),
          );
        }}
      >
        <label>
          {text.name}
          <input
            className="seika-holiday-input"
            name="holidayName"
            value={draft.name}
            maxLength={100}
            onChange={(event) => setDraft({ ...draft, name: event.target.value })}
          />
        </label>
        <label>
          {text.first}
          <input
            className="seika-holiday-input"
            type="date"
            name="holidayStart"
            value={draft.start}
            onChange={(event) => setDraft({ ...draft, start: event.target.value })}
          />
        </label>
        <label>
          {text.last}
          <input
            className="seika-holiday-input"
            type="date"
            name="holidayEnd"
            value={draft.end}
            onChange={(event) => setDraft({ ...draft, end: event.target.value })}
          />
        </label>
        <button type="submit" className="seika-holiday-button seika-holiday-primary" disabled={busy}>
          {text.add}
        </button>
      </form>
      <p role="status" data-testid="company-holidays-status">
        {status.kind === 'saving'
          ? text.saving
          : status.kind === 'saved'
            ? text.saved
            : status.kind === 'error'
              ? status.message
              : ''}
      </p>
    </section>
  );
}
