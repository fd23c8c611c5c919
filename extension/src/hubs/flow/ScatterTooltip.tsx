import type { CompletedItem } from '../../../../service/src/contract/index.ts';
import type { Strings } from '../../i18n/en.ts';

interface ScatterTooltipProps {
  item: CompletedItem;
  /** Position of the point, relative to the chart wrapper. */
  left: number;
  top: number;
  pinned: boolean;
  containerWidth: number;
  containerHeight: number;
  strings: Strings;
}

const tooltipGap = 12;

/** The card shown for the point under the pointer; pinned by a click so its link can be followed. */
export function ScatterTooltip(props: ScatterTooltipProps) {
  const { item, left, top, pinned, containerWidth, containerHeight, strings } = props;
  // Open towards the chart's centre so the card stays inside it (the card's parent clips overflow).
  const horizontal =
    left > containerWidth / 2 ? { right: containerWidth - left + tooltipGap } : { left: left + tooltipGap };
  const vertical =
    top > containerHeight / 2 ? { bottom: containerHeight - top + tooltipGap } : { top: top + tooltipGap };
  const style = { ...horizontal, ...vertical };
  return (
    <>
      <div className="seika-scatter-ring" style={{ left, top }} aria-hidden="true" />
      <div
        className={`seika-scatter-tooltip${pinned ? ' pinned' : ''}`}
        style={style}
        role="tooltip"
        data-testid="scatter-tooltip"
        data-item-id={item.id}
      >
        <div className="seika-scatter-tooltip-title">
          <span className="seika-scatter-tooltip-id">
            {item.workItemType} {item.id}
          </span>
          <span>{item.title}</span>
        </div>
        <div className="secondary-text">{strings.tooltipCycleTime(item.cycleTimeDays)}</div>
        <div className="secondary-text">{strings.tooltipCompleted(item.completedOn)}</div>
        <a href={item.url} target="_blank" rel="noopener noreferrer" className="seika-scatter-tooltip-link">
          {strings.tooltipOpen}
        </a>
        <div className="seika-scatter-tooltip-hint">
          {pinned ? strings.tooltipPinnedHint : strings.tooltipHoverHint}
        </div>
      </div>
    </>
  );
}
