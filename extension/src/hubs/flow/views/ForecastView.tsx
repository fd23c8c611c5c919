import { useState } from 'react';
import type { TeamSettingsResponse } from '../../../../../service/src/contract/index.ts';
import { addDays } from '../../../format/calendar.ts';
import { useFlow } from '../parts/flowContext.ts';
import { languageOf } from '../../../i18n/locale.ts';
import { ErrorMessage, LoadingMessage } from '../parts/StateMessages.tsx';
import { useHowMany, useWhen } from '../state/flowQueries.ts';
import { HowManyResult, WhenResult } from './ForecastResults.tsx';

/** "How many by a date" and "when will N be done", Monte Carlo over an adjustable throughput history. */
export function ForecastView({ settings }: { settings: TeamSettingsResponse | null }) {
  const { strings, state, update, client, team, teamToday, formatDay, locale } = useFlow();
  const language = languageOf(locale);
  const f = strings.forecast;
  const history = state.history ?? settings?.settings.forecast.historyDays ?? 30;
  const trials = settings?.settings.forecast.trials ?? 10_000;
  const by = state.forecastBy ?? addDays(teamToday, 14);
  const itemCount = state.forecastItems ?? 20;
  const filters = {
    ...(state.types.length > 0 ? { workItemTypes: state.types } : {}),
    ...(state.tags.length > 0 ? { tags: state.tags, tagMatch: state.tagMatch } : {}),
    ...(state.area !== null ? { areaPath: state.area } : {}),
  };
  const howMany = useHowMany(client, team, by > teamToday ? { by, history, ...filters } : null);
  const when = useWhen(client, team, { items: itemCount, history, ...filters });
  const [historyDraft, setHistoryDraft] = useState(String(history));
  const [itemsDraft, setItemsDraft] = useState(String(itemCount));
  const meta = howMany.status === 'success' ? howMany.data : when.status === 'success' ? when.data : null;

  return (
    <div className="seika-view-grid" data-testid="forecast-view">
      <section className="seika-card">
        <h2 className="seika-card-title">{f.title}</h2>
        <p data-testid="forecast-method">{f.method(history, trials)}</p>
        <form
          className="seika-inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const days = Number(historyDraft);
            if (Number.isInteger(days) && days >= 1 && days <= 3650) update({ history: days });
          }}
        >
          <label>
            {f.history}
            <input
              className="seika-input seika-number"
              type="number"
              min={1}
              max={3650}
              value={historyDraft}
              onChange={(e) => setHistoryDraft(e.target.value)}
            />
          </label>
          <button type="submit" className="seika-button">
            {strings.filters.apply}
          </button>
        </form>
        {meta && (
          <p className="secondary-text" data-testid="forecast-history" data-total={meta.history.total}>
            {f.historyRange(
              formatDay(meta.history.fromDay),
              formatDay(meta.history.toDay),
              meta.history.total,
            )}
          </p>
        )}
      </section>
      <section className="seika-card" data-testid="how-many-card">
        <h2 className="seika-card-title">{f.howManyTitle}</h2>
        <label>
          {f.by}{' '}
          <input
            className="seika-input"
            type="date"
            value={by}
            min={addDays(teamToday, 1)}
            onChange={(e) => e.target.value > teamToday && update({ forecastBy: e.target.value })}
          />
        </label>
        {howMany.status === 'loading' ? (
          <LoadingMessage strings={strings} />
        ) : howMany.status === 'error' ? (
          <ErrorMessage
            strings={strings}
            language={language}
            error={howMany.error}
            onRetry={howMany.refetch}
          />
        ) : (
          <HowManyResult data={howMany.data} />
        )}
      </section>
      <section className="seika-card" data-testid="when-card">
        <h2 className="seika-card-title">{f.whenTitle}</h2>
        <form
          className="seika-inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const count = Number(itemsDraft);
            if (Number.isInteger(count) && count >= 1 && count <= 10_000) update({ forecastItems: count });
          }}
        >
          <label>
            {f.itemsLabel}
            <input
              className="seika-input seika-number"
              type="number"
              min={1}
              max={10000}
              value={itemsDraft}
              onChange={(e) => setItemsDraft(e.target.value)}
            />
          </label>
          <button type="submit" className="seika-button">
            {strings.filters.apply}
          </button>
        </form>
        {when.status === 'loading' ? (
          <LoadingMessage strings={strings} />
        ) : when.status === 'error' ? (
          <ErrorMessage strings={strings} language={language} error={when.error} onRetry={when.refetch} />
        ) : (
          <WhenResult data={when.data} />
        )}
      </section>
    </div>
  );
}
