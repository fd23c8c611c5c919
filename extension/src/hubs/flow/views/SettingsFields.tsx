import type { FlowBoundarySetting } from '../../../../../service/src/contract/index.ts';
import { useFlow } from '../parts/flowContext.ts';

/** Start or end point: the state category (default), chosen states, or a board column. */
export function BoundaryField({
  legend,
  value,
  states,
  columns,
  onChange,
}: {
  legend: string;
  value: FlowBoundarySetting;
  states: readonly string[];
  columns: readonly string[];
  onChange: (value: FlowBoundarySetting) => void;
}) {
  const { strings } = useFlow();
  const s = strings.settings;
  return (
    <fieldset className="seika-fieldset">
      <legend>{legend}</legend>
      <select
        className="seika-input"
        aria-label={legend}
        value={value.kind}
        onChange={(e) => {
          const kind = e.target.value;
          if (kind === 'state' && states[0] !== undefined) onChange({ kind: 'state', states: [states[0]] });
          else if (kind === 'boardColumn' && columns[0] !== undefined)
            onChange({ kind: 'boardColumn', column: columns[0] });
          else onChange({ kind: 'category' });
        }}
      >
        <option value="category">{s.byCategory}</option>
        {states.length > 0 && <option value="state">{s.byState}</option>}
        {columns.length > 0 && <option value="boardColumn">{s.byColumn}</option>}
      </select>
      {value.kind === 'state' && (
        <CheckList
          legend={s.byState}
          options={states}
          value={value.states}
          onChange={(chosen) => chosen.length > 0 && onChange({ kind: 'state', states: chosen })}
        />
      )}
      {value.kind === 'boardColumn' && (
        <select
          className="seika-input"
          aria-label={s.byColumn}
          value={value.column}
          onChange={(e) => onChange({ kind: 'boardColumn', column: e.target.value })}
        >
          {columns.map((column) => (
            <option key={column}>{column}</option>
          ))}
        </select>
      )}
    </fieldset>
  );
}

export function CheckList({
  legend,
  options,
  value,
  onChange,
}: {
  legend: string;
  options: readonly string[];
  value: readonly string[];
  onChange: (value: string[]) => void;
}) {
  return (
    <fieldset className="seika-fieldset">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="seika-check">
          <input
            type="checkbox"
            checked={value.includes(option)}
            onChange={() =>
              onChange(
                value.includes(option) ? value.filter((entry) => entry !== option) : [...value, option],
              )
            }
          />
          {option}
        </label>
      ))}
    </fieldset>
  );
}
