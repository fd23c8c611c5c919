import { formatDay } from '../../../format/calendar.ts';
import type { CalendarDay } from '../state/calendarGrid.ts';
import type { DeliveryStrings } from '../strings/en.ts';

interface DeploymentCalendarProps {
  weeks: readonly CalendarDay[][];
  timeZone: string;
  strings: DeliveryStrings;
  locale: string;
  /** Set when the calendar's page holds only part of the range's deployments. */
  partial: { shown: number; total: number } | null;
}

/** A day's number, with its month on the first shown day and on each month's first day. */
function dayLabel(day: string, isFirstShown: boolean, locale: string): string {
  const dayOfMonth = Number(day.slice(8));
  if (!isFirstShown && dayOfMonth !== 1) return String(dayOfMonth);
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** What a shaded day is, for its accessible text and tooltip ("Company holiday: New Year"). */
function offText(day: CalendarDay, c: DeliveryStrings['calendar']): string | null {
  return day.off === null ? null : c.offLabel(c.reasons[day.off.reason], day.off.name);
}

/**
 * Days with production deployments in the team's zone: failures marked; days that are not working days
 * (the team's weekend, national and company holidays, team days off) shaded, holidays also hatched and
 * marked with a letter, and each named in the day's accessible text.
 */
export function DeploymentCalendar({ weeks, timeZone, strings, locale, partial }: DeploymentCalendarProps) {
  const c = strings.calendar;
  const firstShown = weeks.flat().find((day) => day.inRange)?.day;
  const holidays = weeks.flat().filter((day) => day.holiday);
  const reasonsShown = [...new Set(holidays.flatMap((day) => (day.off === null ? [] : [day.off.reason])))];
  return (
    <section
      className="seika-card delivery-calendar"
      data-testid="calendar"
      aria-labelledby="delivery-calendar-title"
    >
      <h2 id="delivery-calendar-title" className="seika-card-title">
        {c.title}
      </h2>
      <p className="secondary-text">{c.subtitle(timeZone)}</p>
      <p className="secondary-text" data-testid="calendar-holidays" data-holidays={holidays.length}>
        {c.nonWorkingNote} {c.offDays(holidays.length)}
      </p>
      {partial && <p className="secondary-text">{c.partial(partial.shown, partial.total)}</p>}
      <table className="delivery-calendar-grid">
        <caption className="seika-visually-hidden">{c.title}</caption>
        <thead>
          <tr>
            {c.weekdays.map((name) => (
              <th key={name} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]?.day}>
              {week.map((day) => {
                const classes = [
                  'delivery-day',
                  day.inRange ? '' : 'delivery-day-outside',
                  day.weekend || day.holiday ? 'delivery-day-off' : '',
                  day.holiday ? 'delivery-day-holiday' : '',
                  day.succeeded > 0 ? 'delivery-day-deployed' : '',
                  day.failed > 0 ? 'delivery-day-failed' : '',
                ].filter((name) => name !== '');
                return (
                  <td
                    key={day.day}
                    className={classes.join(' ')}
                    data-day={day.day}
                    data-succeeded={day.succeeded}
                    data-failed={day.failed}
                    data-off={day.off?.reason}
                    title={offText(day, c) ?? undefined}
                  >
                    {day.inRange && (
                      <>
                        <span className="delivery-day-number" aria-hidden="true">
                          {dayLabel(day.day, day.day === firstShown, locale)}
                        </span>
                        <span className="seika-visually-hidden">
                          {[offText(day, c), c.day(formatDay(day.day, locale), day.succeeded, day.failed)]
                            .filter((part) => part !== null)
                            .join('. ')}
                        </span>
                        {day.holiday && day.off !== null && (
                          <span className="delivery-day-mark" aria-hidden="true">
                            {c.marks[day.off.reason]}
                          </span>
                        )}
                        {day.succeeded > 0 && (
                          <span className="delivery-day-count" aria-hidden="true">
                            {day.succeeded}
                          </span>
                        )}
                        {day.failed > 0 && (
                          <span className="delivery-day-fail" aria-hidden="true">
                            ✕{day.failed}
                          </span>
                        )}
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="delivery-calendar-legend">
        <li>
          <span className="delivery-swatch delivery-day-deployed" aria-hidden="true" />
          {c.legendSucceeded}
        </li>
        <li>
          <span className="delivery-swatch delivery-swatch-failed" aria-hidden="true">
            ✕
          </span>
          {c.legendFailed}
        </li>
        <li>
          <span className="delivery-swatch delivery-day-off" aria-hidden="true" />
          {c.legendWeekend}
        </li>
        {reasonsShown.map((reason) => (
          <li key={reason}>
            <span className="delivery-swatch delivery-day-off delivery-day-holiday" aria-hidden="true" />
            {c.legendHoliday(c.marks[reason], c.reasons[reason])}
          </li>
        ))}
      </ul>
    </section>
  );
}
