import { useEffect } from 'react';
import type { FlowSummaryResponse, TeamSettingsResponse } from '../../../../../service/src/contract/index.ts';
import type { QueryState } from '../../../data/queryClient.ts';
import { formatInstant } from '../../../format/calendar.ts';
import { useFlow } from '../parts/flowContext.ts';
import { languageOf } from '../../../i18n/locale.ts';
import { ErrorMessage, LoadingMessage, Notice } from '../parts/StateMessages.tsx';
import type { DateRange } from '../state/dateRange.ts';
import type { FlowStrings } from '../strings/en.ts';
import { isStale } from '../state/freshness.ts';
import { AgingView } from './AgingView.tsx';
import { CumulativeFlowView } from './CumulativeFlowView.tsx';
import { CycleTimeView } from './CycleTimeView.tsx';
import { ForecastView } from './ForecastView.tsx';
import { OverviewView } from './OverviewView.tsx';
import { QualityView } from './QualityView.tsx';
import { SettingsView } from './SettingsView.tsx';
import { ThroughputView } from './ThroughputView.tsx';

const FIRST_SYNC_POLL_MS = 30_000;

interface FlowViewsProps {
  summary: QueryState<FlowSummaryResponse> & { refetch: () => void };
  settings: TeamSettingsResponse | null;
  range: DateRange;
}

/** Picks the view; views that chart the summary get its designed states (loading, error, first sync, empty, stale). */
export function FlowViews({ summary, settings, range }: FlowViewsProps) {
  const { strings, state, locale, timeZone } = useFlow();
  if (state.view === 'settings') return settings ? <SettingsView settings={settings} range={range} /> : null;
  if (state.view === 'forecast') return <ForecastView settings={settings} />;
  if (summary.status === 'loading') return <LoadingMessage strings={strings} />;
  if (summary.status === 'error') {
    return (
      <ErrorMessage
        strings={strings}
        language={languageOf(locale)}
        error={summary.error}
        onRetry={summary.refetch}
      />
    );
  }
  const data = summary.data;
  if (data.syncedAt === null) {
    return <FirstSync strings={strings} refetch={summary.refetch} />;
  }
  if (data.itemCount === 0) {
    return (
      <Notice testId="state-no-data" title={strings.states.noDataTitle}>
        <span>{strings.states.noDataBody}</span>
      </Notice>
    );
  }
  return (
    <>
      {isStale(data.syncedAt, Date.now()) && (
        <Notice
          testId="state-stale"
          tone="warning"
          title={strings.states.staleTitle(formatInstant(data.syncedAt, locale, timeZone))}
        >
          <span>{strings.states.staleBody}</span>
        </Notice>
      )}
      <SummaryView data={data} />
    </>
  );
}

function SummaryView({ data }: { data: FlowSummaryResponse }) {
  const { state } = useFlow();
  switch (state.view) {
    case 'overview':
      return <OverviewView data={data} />;
    case 'aging':
      return <AgingView data={data} />;
    case 'cycleTime':
      return <CycleTimeView data={data} />;
    case 'throughput':
      return <ThroughputView data={data} />;
    case 'cumulativeFlow':
      return <CumulativeFlowView data={data} />;
    case 'quality':
      return <QualityView data={data} />;
    case 'forecast':
    case 'settings':
      return null;
  }
}

/** While the first sync runs, asks again every 30 seconds so the charts appear by themselves. */
function FirstSync({ strings, refetch }: { strings: FlowStrings; refetch: () => void }) {
  useEffect(() => {
    const timer = setInterval(refetch, FIRST_SYNC_POLL_MS);
    return () => clearInterval(timer);
  }, [refetch]);
  return (
    <Notice testId="state-first-sync" title={strings.states.firstSyncTitle}>
      <span>{strings.states.firstSyncBody}</span>
    </Notice>
  );
}
