import { Checkbox } from 'azure-devops-ui/Checkbox';
import { Dialog } from 'azure-devops-ui/Dialog';
import { MessageCard, MessageCardSeverity } from 'azure-devops-ui/MessageCard';
import { useState } from 'react';
import type { SeikaClient } from '../../api/seikaClient.ts';
import { apiErrorText } from '../../i18n/apiErrors.ts';
import type { Strings } from '../../i18n/en.ts';
import type { Language } from '../../i18n/locale.ts';
import type { AccessStrings } from './accessStrings.ts';

interface DisconnectDialogProps {
  client: SeikaClient;
  organization: string;
  strings: Strings['admin'];
  accessStrings: AccessStrings;
  language: Language;
  onDismiss: () => void;
  onDisconnected: () => void;
}

/** Asks before disconnecting: the PAT is forgotten, so undoing it means connecting again with a new one. */
export function DisconnectDialog({
  client,
  organization,
  strings,
  accessStrings,
  language,
  onDismiss,
  onDisconnected,
}: DisconnectDialogProps) {
  const [busy, setBusy] = useState(false);
  const [deleteData, setDeleteData] = useState(false);
  const [error, setError] = useState<{ caught: unknown } | undefined>();

  const disconnect = (): void => {
    setBusy(true);
    setError(undefined);
    client
      .disconnectOrganization(organization, undefined, { deleteData })
      .then(onDisconnected, (reason: unknown) => {
        setBusy(false);
        setError({ caught: reason });
      });
  };

  return (
    <Dialog
      className="seika-disconnect-dialog"
      titleProps={{ text: strings.disconnectTitle(organization) }}
      onDismiss={busy ? () => undefined : onDismiss}
      footerButtonProps={[
        { text: strings.cancel, onClick: onDismiss, disabled: busy },
        {
          text: busy ? strings.disconnecting : strings.disconnectConfirm,
          onClick: disconnect,
          danger: true,
          disabled: busy,
        },
      ]}
      overlay={busy ? { spinnerLabel: strings.disconnecting } : undefined}
    >
      <div className="flex-column rhythm-vertical-16">
        <p className="seika-dialog-body">{strings.disconnectBody}</p>
        <Checkbox
          checked={deleteData}
          disabled={busy}
          label={accessStrings.deleteDataLabel(organization)}
          onChange={(_event, checked) => setDeleteData(checked === true)}
        />
        {error !== undefined && (
          <MessageCard severity={MessageCardSeverity.Error}>
            <div className="flex-column" data-testid="disconnect-error">
              <strong>{strings.disconnectFailedTitle}</strong>
              <span>{apiErrorText(error.caught, language)}</span>
            </div>
          </MessageCard>
        )}
      </div>
    </Dialog>
  );
}
