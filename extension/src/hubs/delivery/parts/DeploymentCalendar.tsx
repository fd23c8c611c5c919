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

/** Days with production deployments in the team's zone: failures marked, weekends shaded. */
export function DeploymentCalendar({ weeks, timeZone, strings, locale, partial }: DeploymentCalendarProps) {
  const c = strings.calendar;
  const firstShown = weeks.flat().find((day) => day.inRange)?.day;
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
      <p className="secondary-text" data-testid="calendar-holidays" data-holidays="none">
        {c.weekendsOnly}
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
                  >
                    {day.inRange && (
                      <>
                        <span className="delivery-day-number" aria-hidden="true">
                          {dayLabel(day.day, day.day === firstShown, locale)}
                        </span>
                        <span className="seika-visually-hidden">
                          {c.day(formatDay(day.day, locale), day.succeeded, day.failed)}
                        </span>
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
      </ul>
    </section>
  );
}
