import { useEffect, useState } from 'react';
import type { DateRange, SprintDates } from '../state/dateRange.ts';
import { RANGE_PRESETS, type RangePreset } from '../state/urlState.ts';
import { useFlow } from './flowContext.ts';

interface FilterBarProps {
  range: DateRange;
  sprints: readonly SprintDates[];
  workItemTypes: readonly string[];
}

const dayPresets = RANGE_PRESETS.filter((preset) => /^\d+$/.test(preset));

/** Dates (presets, custom, sprint) and filters (types, tags, area path); all of it lands in the URL. */
export function FilterBar({ range, sprints, workItemTypes }: FilterBarProps) {
  const { strings, state, update, timeZone, formatDay } = useFlow();
  const f = strings.filters;
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const [tags, setTags] = useState(state.tags.join(', '));
  const [area, setArea] = useState(state.area ?? '');
  useEffect(() => {
    setFrom(range.from);
    setTo(range.to);
  }, [range.from, range.to]);

  const selectPreset = (preset: RangePreset): void => update({ preset });
  const toggleType = (type: string): void =>
    update({
      types: state.types.includes(type) ? state.types.filter((t) => t !== type) : [...state.types, type],
    });
  const applyText = (): void =>
    update({
      tags: tags
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag.length > 0),
      area: area.trim().length > 0 ? area.trim() : null,
    });
  const activeFilters = state.types.length + state.tags.length + (state.area === null ? 0 : 1);

  return (
    <section className="seika-filters" aria-label={f.label} data-testid="filter-bar">
      {/* Forecasts sample their own history window (set in the view), so the dates would not apply. */}
      {state.view !== 'forecast' && (
        <div className="seika-filter-row" role="group" aria-label={f.range}>
          {dayPresets.map((preset) => (
            <button
              key={preset}
              type="button"
              className="seika-button"
              aria-pressed={state.preset === preset}
              onClick={() => selectPreset(preset)}
            >
              {f.preset(Number(preset))}
            </button>
          ))}
          <form
            className="seika-inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (from <= to) update({ preset: 'custom', from, to });
            }}
          >
            <label>
              {f.from}
              <input
                className="seika-input"
                type="date"
                value={from}
                max={to}
                onChange={(e) => setFrom(e.target.value)}
              />
            </label>
            <label>
              {f.to}
              <input
                className="seika-input"
                type="date"
                value={to}
                min={from}
                onChange={(e) => setTo(e.target.value)}
              />
            </label>
            <button type="submit" className="seika-button" aria-pressed={state.preset === 'custom'}>
              {f.custom}
            </button>
          </form>
          {sprints.length > 0 && (
            <label>
              {f.sprint}
              <select
                className="seika-input"
                value={state.preset === 'sprint' ? (state.sprint ?? '') : ''}
                onChange={(event) =>
                  event.target.value === ''
                    ? update({ preset: '90' })
                    : update({ preset: 'sprint', sprint: event.target.value })
                }
              >
                <option value="">—</option>
                {sprints.map((sprint) => (
                  <option key={sprint.name} value={sprint.name}>
                    {sprint.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <span className="secondary-text" data-testid="range-days" data-from={range.from} data-to={range.to}>
            {f.daysIn(formatDay(range.from), formatDay(range.to), timeZone)}
          </span>
        </div>
      )}
      <div className="seika-filter-row">
        <fieldset className="seika-types">
          <legend>{f.types}</legend>
          {workItemTypes.map((type) => (
            <label key={type} className="seika-check">
              <input type="checkbox" checked={state.types.includes(type)} onChange={() => toggleType(type)} />
              {type}
            </label>
          ))}
        </fieldset>
        <form
          className="seika-inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            applyText();
          }}
        >
          <label>
            {f.tags}
            <input className="seika-input" value={tags} onChange={(e) => setTags(e.target.value)} />
          </label>
          <label className="seika-check">
            <input
              type="checkbox"
              checked={state.tagMatch === 'all'}
              onChange={(e) => update({ tagMatch: e.target.checked ? 'all' : 'any' })}
            />
            {f.allTags}
          </label>
          <label>
            {f.area}
            <input className="seika-input" value={area} onChange={(e) => setArea(e.target.value)} />
          </label>
          <button type="submit" className="seika-button">
            {f.apply}
          </button>
          {activeFilters > 0 && (
            <button
              type="button"
              className="seika-button"
              onClick={() => {
                setTags('');
                setArea('');
                update({ types: [], tags: [], tagMatch: 'any', area: null });
              }}
            >
              {f.clear}
            </button>
          )}
        </form>
      </div>
    </section>
  );
}
