import { Status, Statuses, StatusSize, type IStatusProps } from 'azure-devops-ui/Status';
import { SimpleTableCell, Table, type ITableColumn } from 'azure-devops-ui/Table';
import { ArrayItemProvider } from 'azure-devops-ui/Utilities/Provider';
import { useMemo, type ReactNode } from 'react';
import type {
  FirstSyncEstimate,
  StreamStatusResponse,
  SyncState,
} from '../../../../service/src/contract/index.ts';
import type { Strings } from '../../i18n/en.ts';
import type { AdminFormat } from './adminFormat.ts';
import { FirstSyncSummary } from './FirstSyncSummary.tsx';
import { SyncProgressBar } from './SyncProgressBar.tsx';
import { isNoteworthy, problemText, rateLimitState, streamDisplayState } from './syncDisplay.ts';

type Phase = StreamStatusResponse['phase'];

const phaseStatus: Record<Phase, IStatusProps> = {
  queued: Statuses.Queued,
  collecting: Statuses.Running,
  done: Statuses.Success,
  failed: Statuses.Failed,
  needs_scope: Statuses.Warning,
};

/** The full-sync interval the service uses by default (SEIKA_SYNC_INTERVAL_SECONDS): stale after twice it. */
const DEFAULT_INTERVAL_MS = 300_000;

interface StreamTableProps {
  organization: string;
  streams: StreamStatusResponse[];
  /** The organization's first sync as a whole, shown above the streams while there is one. */
  firstSync?: FirstSyncEstimate | null | undefined;
  strings: Strings['admin'];
  format: AdminFormat;
}

type CellRenderer = (stream: StreamStatusResponse) => ReactNode;

/**
 * One row per sync stream: phase, progress bar, volume, estimated time left and rate-limit state; above
 * them, during the organization's first sync, its overall progress and ETA.
 */
export function StreamTable({ organization, streams, firstSync, strings, format }: StreamTableProps) {
  const columns = useMemo(() => streamColumns(strings, format), [strings, format]);
  const items = useMemo(() => new ArrayItemProvider(streams), [streams]);
  return (
    <>
      {firstSync === null || firstSync === undefined ? null : (
        <FirstSyncSummary firstSync={firstSync} strings={strings} format={format} />
      )}
      <Table<StreamStatusResponse>
        className="seika-stream-table"
        ariaLabel={strings.streamsLabel(organization)}
        columns={columns}
        itemProvider={items}
        containerClassName="h-scroll-auto"
      />
    </>
  );
}

function column(
  id: string,
  name: string,
  width: number,
  render: CellRenderer,
): ITableColumn<StreamStatusResponse> {
  return {
    id,
    name,
    width,
    renderCell: (_rowIndex, columnIndex, tableColumn, stream) => (
      <SimpleTableCell key={id} columnIndex={columnIndex} tableColumn={tableColumn}>
        {render(stream)}
      </SimpleTableCell>
    ),
  };
}

function streamColumns(strings: Strings['admin'], format: AdminFormat): ITableColumn<StreamStatusResponse>[] {
  return [
    column('stream', strings.columnStream, -22, (stream) => (
      <div className="flex-column seika-stream-name" data-stream={stream.stream} data-phase={stream.phase}>
        <span>{format.streamName(stream.stream)}</span>
        <span className="secondary-text seika-stream-id">{stream.stream}</span>
      </div>
    )),
    column('phase', strings.columnPhase, -12, (stream) => {
      const state = streamDisplayState(stream, Date.now(), DEFAULT_INTERVAL_MS);
      const problem = problemText(stream.problem, strings.problems);
      return (
        <div className="flex-column" data-state={state}>
          <div className="flex-row flex-center seika-phase">
            <Status {...phaseStatus[stream.phase]} size={StatusSize.m} className="seika-phase-icon" />
            <span>{strings.phases[stream.phase]}</span>
          </div>
          {isNoteworthy(state) ? (
            <span className="secondary-text" data-testid="stream-state">
              {stateText(stream, state, strings, format)}
            </span>
          ) : null}
          {problem === null ? null : (
            <span className="secondary-text" data-testid="stream-problem">
              {problem}
            </span>
          )}
        </div>
      );
    }),
    column('progress', strings.columnProgress, -22, (stream) => (
      <SyncProgressBar
        progress={stream.progress}
        working={stream.phase === 'collecting'}
        label={strings.progressLabel(format.streamName(stream.stream))}
        estimatingText={strings.progressEstimating}
      />
    )),
    column('volume', strings.columnVolume, -16, (stream) => (
      <span data-testid="stream-volume">{strings.volume(stream.pages, stream.items, format.count)}</span>
    )),
    column('time-left', strings.columnTimeLeft, -12, (stream) =>
      stream.phase === 'collecting' && stream.estimatedSecondsLeft !== null
        ? format.duration(stream.estimatedSecondsLeft)
        : strings.notApplicable,
    ),
    column('rate-limit', strings.columnRateLimit, -18, (stream) => (
      <RateLimitText stream={stream} strings={strings} format={format} />
    )),
  ];
}

/** The state's label; a paced stream says until when. */
function stateText(
  stream: StreamStatusResponse,
  state: SyncState,
  strings: Strings['admin'],
  format: AdminFormat,
): string {
  const wait = rateLimitState(stream.rateLimit, Date.now());
  return state === 'paced' && wait.kind === 'paused'
    ? strings.pacedUntil(format.time(wait.until))
    : strings.syncStates[state];
}

interface RateLimitTextProps {
  stream: StreamStatusResponse;
  strings: Strings['admin'];
  format: AdminFormat;
}

/** Remaining budget, "paused until hh:mm" while a throttle is being waited out, and throttled responses. */
function RateLimitText({ stream, strings, format }: RateLimitTextProps) {
  const state = rateLimitState(stream.rateLimit, Date.now());
  const throttled =
    state.kind === 'unknown' ? null : (
      <>
        {state.throttled > 0 ? (
          <span className="secondary-text">{strings.throttled(state.throttled)}</span>
        ) : null}
        {state.paced >= 1 ? (
          <span className="secondary-text" data-testid="rate-limit-paced">
            {strings.paced(format.duration(state.paced))}
          </span>
        ) : null}
      </>
    );
  switch (state.kind) {
    case 'unknown':
      return <span data-testid="rate-limit">{strings.notApplicable}</span>;
    case 'paused':
      return (
        <div className="flex-column">
          <span className="seika-rate-paused" data-testid="rate-limit">
            {strings.rateLimitPaused(format.time(state.until))}
          </span>
          {throttled}
        </div>
      );
    case 'budget':
      return (
        <div className="flex-column">
          <span data-testid="rate-limit">
            {strings.rateLimitBudget(
              format.count(state.remaining),
              state.limit === null ? null : format.count(state.limit),
            )}
          </span>
          {throttled}
        </div>
      );
    case 'unlimited':
      return (
        <div className="flex-column">
          <span data-testid="rate-limit">{strings.rateLimitUnlimited}</span>
          {throttled}
        </div>
      );
  }
}
