import { MessageCard, MessageCardSeverity } from 'azure-devops-ui/MessageCard';
import { Spinner, SpinnerSize } from 'azure-devops-ui/Spinner';
import { useEffect, useState } from 'react';
import type { AuditEntryResponse } from '../../../../service/src/contract/access/audit.ts';
import type { SeikaClient } from '../../api/seikaClient.ts';
import { apiErrorText } from '../../i18n/apiErrors.ts';
import type { Language } from '../../i18n/locale.ts';
import type { AdminFormat } from './adminFormat.ts';
import type { AccessStrings } from './accessStrings.ts';

type AuditState =
  | { status: 'loading' }
  | { status: 'loaded'; entries: AuditEntryResponse[] }
  | { status: 'failed'; error: unknown };

function summary(value: unknown): string {
  if (value === null || value === undefined) return '—';
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

/** Who changed Seika's settings, what and when: for the organization's administrators. */
export function AuditLog(props: {
  client: SeikaClient;
  organization: string;
  strings: AccessStrings;
  format: AdminFormat;
  language: Language;
  revision: number;
}) {
  const { client, organization, strings, format, language, revision } = props;
  const [state, setState] = useState<AuditState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    client.getAuditLog(organization, controller.signal).then(
      ({ entries }) => {
        if (!controller.signal.aborted) setState({ status: 'loaded', entries });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [client, organization, revision]);

  return (
    <section
      className="flex-column rhythm-vertical-16"
      aria-labelledby="seika-audit-title"
      data-testid="audit-log"
    >
      <h2 id="seika-audit-title" className="title-m seika-section-title">
        {strings.auditTitle}
      </h2>
      {state.status === 'loading' && <Spinner size={SpinnerSize.medium} label={strings.auditLoading} />}
      {state.status === 'failed' && (
        <MessageCard severity={MessageCardSeverity.Error}>
          <div className="flex-column">
            <strong>{strings.auditFailed}</strong>
            <span>{apiErrorText(state.error, language)}</span>
          </div>
        </MessageCard>
      )}
      {state.status === 'loaded' && state.entries.length === 0 && (
        <span className="secondary-text">{strings.auditEmpty}</span>
      )}
      {state.status === 'loaded' && state.entries.length > 0 && (
        <table className="seika-audit-table">
          <thead>
            <tr>
              <th scope="col">{strings.auditColumns.when}</th>
              <th scope="col">{strings.auditColumns.who}</th>
              <th scope="col">{strings.auditColumns.what}</th>
              <th scope="col">{strings.auditColumns.target}</th>
              <th scope="col">{strings.auditColumns.change}</th>
            </tr>
          </thead>
          <tbody>
            {state.entries.map((entry, index) => (
              <tr key={`${entry.at}-${index}`} data-testid="audit-entry">
                <td>{format.dateTime(entry.at)}</td>
                <td>{entry.actor.displayName}</td>
                <td>{strings.actions[entry.action] ?? entry.action}</td>
                <td>{entry.target}</td>
                <td className="seika-audit-change">
                  {summary(entry.before)} → {summary(entry.after)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
