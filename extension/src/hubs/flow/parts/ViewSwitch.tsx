import { FLOW_VIEWS, type FlowView } from '../state/urlState.ts';
import type { FlowStrings } from '../strings/en.ts';

/** The hub's views as a navigation list; the current one is marked for assistive technology. */
export function ViewSwitch({
  strings,
  current,
  onSelect,
}: {
  strings: FlowStrings;
  current: FlowView;
  onSelect: (view: FlowView) => void;
}) {
  return (
    <nav className="seika-views" aria-label={strings.viewsLabel}>
      <ul>
        {FLOW_VIEWS.map((view) => (
          <li key={view}>
            <button
              type="button"
              className="seika-view-button"
              data-view={view}
              aria-current={view === current ? 'page' : undefined}
              onClick={() => onSelect(view)}
            >
              {strings.views[view]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
