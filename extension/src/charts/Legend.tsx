export interface LegendEntry {
  name: string;
  color: string;
  count?: number;
  hidden?: boolean;
}

interface LegendProps {
  label: string;
  entries: readonly LegendEntry[];
  /** Toggles an entry; without it the legend only explains colours. */
  onToggle?: (name: string) => void;
}

/** An HTML legend (readable, translatable, keyboard operable) that can filter what a chart shows. */
export function Legend({ label, entries, onToggle }: LegendProps) {
  return (
    <ul className="seika-legend" aria-label={label}>
      {entries.map((entry) => {
        const content = (
          <>
            <span className="seika-legend-swatch" style={{ background: entry.color }} aria-hidden="true" />
            {entry.name}
            {entry.count !== undefined && <span className="secondary-text"> ({entry.count})</span>}
          </>
        );
        return (
          <li key={entry.name}>
            {onToggle ? (
              <button
                type="button"
                className="seika-legend-button"
                aria-pressed={!entry.hidden}
                onClick={() => onToggle(entry.name)}
              >
                {content}
              </button>
            ) : (
              <span className="seika-legend-item">{content}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
