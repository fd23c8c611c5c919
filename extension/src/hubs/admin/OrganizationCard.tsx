import { Card } from 'azure-devops-ui/Card';
import { MessageCard, MessageCardSeverity } from 'azure-devops-ui/MessageCard';
import { Spinner, SpinnerSize } from 'azure-devops-ui/Spinner';
import type {
  OrganizationSummaryResponse,
  SyncStatusResponse,
} from '../../../../service/src/contract/index.ts';
import type { SeikaClient } from '../../api/seikaClient.ts';
import { apiErrorText } from '../../i18n/apiErrors.ts';
import type { Strings } from '../../i18n/en.ts';
import type { Language } from '../../i18n/locale.ts';
import type { AdminFormat } from './adminFormat.ts';
import { StreamTable } from './StreamTable.tsx';
import { useSyncStatus } from './useSyncStatus.ts';

interface OrganizationCardProps {
  client: SeikaClient;
  organization: OrganizationSummaryResponse;
  strings: Strings['admin'];
  format: AdminFormat;
  onDisconnect: (organization: string) => void;
  language: Language;
}

/** One connected organization: its schedule, its streams' progress (polled) and any errors. */
export function OrganizationCard({
  client,
  organization,
  strings,
  format,
  onDisconnect,
  language,
}: OrganizationCardProps) {
  const { status, error } = useSyncStatus(client, organization.name);
  return (
    <Card
      className="seika-organization"
      titleProps={{ text: organization.name, ariaLevel: 3 }}
      headerDescriptionProps={{ text: organization.url }}
      headerCommandBarItems={[
        {
          id: 'disconnect',
          text: strings.disconnectButton,
          iconProps: { iconName: 'PlugDisconnected' },
          important: true,
          onActivate: () => onDisconnect(organization.name),
        },
      ]}
    >
      <div className="flex-column flex-grow rhythm-vertical-16" data-organization={organization.name}>
        <OrganizationFacts organization={organization} status={status} strings={strings} format={format} />
        {error !== undefined && (
          <MessageCard severity={MessageCardSeverity.Warning}>
            <div className="flex-column" data-testid="sync-status-error">
              <strong>{strings.syncStatusErrorTitle}</strong>
              <span>{apiErrorText(error.caught, language)}</span>
            </div>
          </MessageCard>
        )}
        {status?.job?.lastError ? (
          <MessageCard severity={MessageCardSeverity.Error}>
            <div className="flex-column" data-testid="job-error">
              <strong>{strings.jobErrorTitle}</strong>
              <span>{status.job.lastError}</span>
            </div>
          </MessageCard>
        ) : null}
        <Streams
          organization={organization.name}
          status={status}
          failed={error !== undefined}
          strings={strings}
          format={format}
        />
      </div>
    </Card>
  );
}

interface FactsProps {
  organization: OrganizationSummaryResponse;
  status: SyncStatusResponse | undefined;
  strings: Strings['admin'];
  format: AdminFormat;
}

function OrganizationFacts({ organization, status, strings, format }: FactsProps) {
  const job = status?.job ?? null;
  const facts = [
    strings.timeZone(organization.timeZone),
    strings.connectedAt(format.dateTime(organization.connectedAt)),
  ];
  if (job) {
    facts.push(
      job.lastFinishedAt ? strings.lastFinished(format.dateTime(job.lastFinishedAt)) : strings.neverFinished,
    );
    // While a run is under way its due time has passed; the next one is scheduled when it ends.
    if (!job.running) {
      facts.push(strings.nextRun(format.dateTime(job.nextRunAt)));
    }
  }
  return (
    <div
      className="flex-row flex-wrap flex-center seika-facts secondary-text"
      data-testid="organization-facts"
    >
      {job?.running && <span className="seika-running">{strings.syncRunning}</span>}
      {facts.map((fact) => (
        <span key={fact}>{fact}</span>
      ))}
    </div>
  );
}

interface StreamsProps {
  organization: string;
  status: SyncStatusResponse | undefined;
  failed: boolean;
  strings: Strings['admin'];
  format: AdminFormat;
}

function Streams({ organization, status, failed, strings, format }: StreamsProps) {
  if (status === undefined) {
    return failed ? null : <Spinner size={SpinnerSize.medium} label={strings.syncStatusLoading} />;
  }
  if (status.streams.length === 0) {
    return <span className="secondary-text">{strings.noStreamsYet}</span>;
  }
  return (
    <>
      <StreamTable
        organization={organization}
        streams={status.streams}
        firstSync={status.firstSync}
        strings={strings}
        format={format}
      />
      {status.streams.flatMap((stream) =>
        stream.lastError === null
          ? []
          : [
              <MessageCard key={stream.stream} severity={MessageCardSeverity.Error}>
                <div className="flex-column" data-testid="stream-error" data-stream={stream.stream}>
                  <strong>{strings.streamErrorTitle(format.streamName(stream.stream))}</strong>
                  <span>{stream.lastError}</span>
                </div>
              </MessageCard>,
            ],
      )}
    </>
  );
}
