import type { ReactNode } from 'react';
import { SeikaApiError } from '../../../api/seikaClient.ts';
import { apiErrorText } from '../../../i18n/apiErrors.ts';
import type { Language } from '../../../i18n/locale.ts';
import type { FlowStrings } from '../strings/en.ts';

/** The designed states: never a blank chart. Each has a test id the browser tests look for. */

export function LoadingMessage({ strings }: { strings: FlowStrings }) {
  return (
    <div className="seika-state" role="status" data-testid="state-loading">
      <span className="seika-spinner" aria-hidden="true" />
      {strings.states.loading}
    </div>
  );
}

export function ErrorMessage({
  strings,
  language,
  error,
  onRetry,
}: {
  strings: FlowStrings;
  language: Language;
  error: Error;
  onRetry: () => void;
}) {
  const code = error instanceof SeikaApiError ? error.code : 'error';
  return (
    <div className="seika-state seika-state-error" role="alert" data-testid="flow-error" data-code={code}>
      <strong>{strings.states.errorTitle}</strong>
      <span>{apiErrorText(error, language)}</span>
      <button type="button" className="seika-button" onClick={onRetry}>
        {strings.states.retry}
      </button>
    </div>
  );
}

export function Notice({
  testId,
  title,
  children,
  tone = 'info',
}: {
  testId: string;
  title: string;
  children?: ReactNode;
  tone?: 'info' | 'warning';
}) {
  return (
    <div className={`seika-state seika-state-${tone}`} role="status" data-testid={testId}>
      <strong>{title}</strong>
      {children}
    </div>
  );
}
