import type { FirstSyncEstimate } from '../../../../service/src/contract/index.ts';
import type { Strings } from '../../i18n/en.ts';
import type { AdminFormat } from './adminFormat.ts';
import { SyncProgressBar } from './SyncProgressBar.tsx';

interface FirstSyncSummaryProps {
  firstSync: FirstSyncEstimate;
  strings: Strings['admin'];
  format: AdminFormat;
}

/**
 * The organization's first sync as a whole, above its streams: one bar, and when it will be done (the
 * last stream's finish), or plainly that this is not known yet and why.
 */
export function FirstSyncSummary({ firstSync, strings, format }: FirstSyncSummaryProps) {
  const finishAt = firstSync.estimatedFinishAt === null ? null : new Date(firstSync.estimatedFinishAt);
  const eta =
    firstSync.estimatedSecondsLeft === null || finishAt === null
      ? strings.firstSyncUnknown(firstSync.streamsWithoutEstimate)
      : strings.firstSyncEta(format.duration(firstSync.estimatedSecondsLeft), format.time(finishAt));
  return (
    <section
      className="flex-column seika-first-sync"
      aria-label={strings.firstSyncTitle}
      data-testid="first-sync"
      data-seconds-left={firstSync.estimatedSecondsLeft ?? ''}
    >
      <div className="flex-row flex-center seika-first-sync-heading">
        <strong>{strings.firstSyncTitle}</strong>
        <span className="secondary-text" data-testid="first-sync-streams">
          {strings.firstSyncStreamsLeft(firstSync.streamsLeft)}
        </span>
      </div>
      <SyncProgressBar
        progress={firstSync.progress}
        working
        label={strings.firstSyncProgressLabel}
        estimatingText={strings.progressEstimating}
      />
      <span className="secondary-text" data-testid="first-sync-eta">
        {eta}
      </span>
    </section>
  );
}
