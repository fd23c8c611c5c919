import { Button } from 'azure-devops-ui/Button';
import { Card } from 'azure-devops-ui/Card';
import { Checkbox } from 'azure-devops-ui/Checkbox';
import { FormItem } from 'azure-devops-ui/FormItem';
import { MessageCard, MessageCardSeverity } from 'azure-devops-ui/MessageCard';
import { Spinner, SpinnerSize } from 'azure-devops-ui/Spinner';
import { TextField, TextFieldWidth } from 'azure-devops-ui/TextField';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { ConnectOrganizationResponse } from '../../../../service/src/contract/index.ts';
import { SeikaApiError, type SeikaClient } from '../../api/seikaClient.ts';
import { apiErrorText } from '../../i18n/apiErrors.ts';
import type { Strings } from '../../i18n/en.ts';
import type { Language } from '../../i18n/locale.ts';
import {
  browserTimeZone,
  defaultOrganizationUrl,
  fieldOfParameter,
  type ConnectField,
} from './connectForm.ts';

interface ConnectFormProps {
  client: SeikaClient;
  /** The host's organization name, used to prefill the URL. */
  hostOrganization: string | undefined;
  strings: Strings['admin'];
  language: Language;
  onConnected: () => void;
}

type FieldErrors = Partial<Record<ConnectField, string>>;

/**
 * Connects an organization. The PAT lives only in this form's state while typed: it is cleared the moment
 * the form is submitted and is never shown, logged or returned by the service.
 */
export function ConnectForm({ client, hostOrganization, strings, language, onConnected }: ConnectFormProps) {
  const [organizationUrl, setOrganizationUrl] = useState(() => defaultOrganizationUrl(hostOrganization));
  const [personalAccessToken, setPersonalAccessToken] = useState('');
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [subscribeToEvents, setSubscribeToEvents] = useState(true);
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [result, setResult] = useState<ConnectOrganizationResponse | undefined>();

  const edit = (field: ConnectField, set: (value: string) => void) => (_event: unknown, value: string) => {
    set(value);
    setFieldErrors((errors) => ({ ...errors, [field]: undefined }));
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (busy) {
      return;
    }
    const zone = timeZone.trim();
    const request = {
      organizationUrl: organizationUrl.trim(),
      personalAccessToken,
      subscribeToEvents,
      ...(zone === '' ? {} : { timeZone: zone }),
    };
    setPersonalAccessToken('');
    setBusy(true);
    setFieldErrors({});
    setFormError(undefined);
    setResult(undefined);
    client.connectOrganization(request).then(
      (response) => {
        setBusy(false);
        setResult(response);
        onConnected();
      },
      (error: unknown) => {
        setBusy(false);
        const field = error instanceof SeikaApiError ? fieldOfParameter(error.parameter) : undefined;
        // The language is the host's for the page's life, so the text can be worded when the error arrives.
        const message = apiErrorText(error, language);
        if (field) {
          setFieldErrors({ [field]: message });
        } else {
          setFormError(message);
        }
      },
    );
  };

  const canSubmit = !busy && organizationUrl.trim() !== '' && personalAccessToken !== '';

  return (
    <Card className="seika-connect" titleProps={{ text: strings.connectTitle, ariaLevel: 2 }}>
      <form
        className="flex-column flex-grow rhythm-vertical-16"
        onSubmit={submit}
        noValidate
        data-testid="connect-form"
      >
        <Field
          name="organizationUrl"
          label={strings.organizationUrlLabel}
          error={fieldErrors.organizationUrl}
        >
          <TextField
            value={organizationUrl}
            onChange={edit('organizationUrl', setOrganizationUrl)}
            ariaInvalid={fieldErrors.organizationUrl !== undefined}
            placeholder={strings.organizationUrlPlaceholder}
            width={TextFieldWidth.auto}
            required
            spellCheck={false}
          />
        </Field>
        <Field
          name="personalAccessToken"
          label={strings.patLabel}
          error={fieldErrors.personalAccessToken}
          help={strings.patHelp}
        >
          <TextField
            value={personalAccessToken}
            onChange={edit('personalAccessToken', setPersonalAccessToken)}
            ariaInvalid={fieldErrors.personalAccessToken !== undefined}
            inputType="password"
            autoComplete={false}
            required
            spellCheck={false}
          />
        </Field>
        <Field
          name="timeZone"
          label={strings.timeZoneLabel}
          error={fieldErrors.timeZone}
          help={strings.timeZoneHelp}
        >
          <TextField
            value={timeZone}
            onChange={edit('timeZone', setTimeZone)}
            ariaInvalid={fieldErrors.timeZone !== undefined}
            spellCheck={false}
          />
        </Field>
        <div className="flex-column">
          <Checkbox
            checked={subscribeToEvents}
            onChange={(_event, checked) => setSubscribeToEvents(checked === true)}
            label={strings.subscribeLabel}
          />
          <span className="secondary-text seika-checkbox-help">{strings.subscribeHelp}</span>
        </div>
        <div className="flex-row flex-center rhythm-horizontal-8">
          <Button type="submit" primary text={strings.connectButton} disabled={!canSubmit} />
          {busy && <Spinner size={SpinnerSize.small} label={strings.connecting} />}
        </div>
        {formError !== undefined && (
          <MessageCard severity={MessageCardSeverity.Error}>
            <div className="flex-column" data-testid="connect-error">
              <strong>{strings.connectFailedTitle}</strong>
              <span>{formError}</span>
            </div>
          </MessageCard>
        )}
        {result && <ConnectResult result={result} strings={strings} onDismiss={() => setResult(undefined)} />}
      </form>
    </Card>
  );
}

interface FieldProps {
  name: ConnectField;
  label: string;
  error: string | undefined;
  help?: string;
  children: ReactNode;
}

/** A labelled field whose message is the server's error for it when there is one, else its help text. */
function Field({ name, label, error, help, children }: FieldProps) {
  return (
    <div className="seika-field" data-testid={`field-${name}`} data-invalid={error !== undefined}>
      <FormItem label={label} error={error !== undefined} message={error ?? help}>
        {children}
      </FormItem>
    </div>
  );
}

function ConnectResult({
  result,
  strings,
  onDismiss,
}: {
  result: ConnectOrganizationResponse;
  strings: Strings['admin'];
  onDismiss: () => void;
}) {
  const severity = result.hooks.status === 'failed' ? MessageCardSeverity.Warning : MessageCardSeverity.Info;
  return (
    <MessageCard severity={severity} onDismiss={onDismiss}>
      <div className="flex-column" data-testid="connect-result" data-hooks={result.hooks.status}>
        <strong>{strings.connectedTitle(result.organization.name)}</strong>
        <span>{strings.hooksMessage(result.hooks.message)}</span>
        <span>{strings.firstSyncSoon}</span>
      </div>
    </MessageCard>
  );
}
