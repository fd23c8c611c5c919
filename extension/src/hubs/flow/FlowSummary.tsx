import type { CycleTimeResponse } from '../../../../service/src/contract/index.ts';
import type { Localization } from '../../i18n/locale.ts';

interface FlowSummaryProps {
  response: CycleTimeResponse;
  localization: Localization;
}

/** Item count and percentile sentences: the numbers a reader should take away even without the chart. */
export function FlowSummary({ response, localization }: FlowSummaryProps) {
  const { strings, locale } = localization;
  const syncedAt = response.syncedAt
    ? strings.syncedAt(
        new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
          new Date(response.syncedAt),
        ),
      )
    : strings.neverSynced;
  return (
    <div className="seika-flow-summary flex-column">
      <div className="flex-row flex-center seika-flow-summary-headline">
        <span className="title-s" data-testid="item-count" data-count={response.items.length}>
          {strings.itemCount(
            response.items.length,
            new Intl.NumberFormat(locale).format(response.items.length),
          )}
        </span>
        <span className="secondary-text seika-synced-at">{syncedAt}</span>
      </div>
      <ul className="seika-percentiles" data-testid="percentile-sentences">
        {response.percentiles.flatMap(({ percentile, days }) =>
          days === null
            ? []
            : [
                <li key={percentile} data-percentile={percentile} data-days={days}>
                  {strings.percentileSentence(percentile, days)}
                </li>,
              ],
        )}
      </ul>
      {response.completedWithoutStart.length > 0 && (
        <div className="secondary-text" data-testid="completed-without-start">
          {strings.withoutStart(response.completedWithoutStart.length)}
        </div>
      )}
    </div>
  );
}
