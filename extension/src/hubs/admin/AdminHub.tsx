import { Header, TitleSize } from 'azure-devops-ui/Header';
import { Page } from 'azure-devops-ui/Page';
import { useEffect, useMemo, useState } from 'react';
import type { SeikaClient } from '../../api/seikaClient.ts';
import type { Localization } from '../../i18n/locale.ts';
import { adminFormat } from './adminFormat.ts';
import { ConnectForm } from './ConnectForm.tsx';
import { DisconnectDialog } from './DisconnectDialog.tsx';
import { OrganizationList } from './OrganizationList.tsx';
import { useOrganizations } from './useOrganizations.ts';

interface AdminHubProps {
  client: SeikaClient;
  /** The organization whose settings page this is (prefills the connect form). */
  hostOrganization: string | undefined;
  localization: Localization;
  /** Called once, when the first answer (list or error) is on screen. */
  onFirstResult: () => void;
}

/**
 * Organization settings › Seika: connect organizations to the service, follow each one's synchronisation
 * and disconnect them. Organization-wide: nothing here is per person.
 */
export function AdminHub({ client, hostOrganization, localization, onFirstResult }: AdminHubProps) {
  const strings = localization.strings.admin;
  const format = useMemo(() => adminFormat(localization), [localization]);
  const [revision, setRevision] = useState(0);
  const [disconnecting, setDisconnecting] = useState<string | undefined>();
  const organizations = useOrganizations(client, revision);
  const reload = (): void => setRevision((value) => value + 1);
  const settled = organizations.status !== 'loading';

  useEffect(() => {
    if (settled) {
      onFirstResult();
    }
  }, [settled, onFirstResult]);

  return (
    <Page className="seika-admin flex-grow">
      <Header title={strings.title} titleSize={TitleSize.Large} description={strings.description} />
      <div className="page-content page-content-top flex-column rhythm-vertical-24">
        <section className="flex-column rhythm-vertical-16" aria-labelledby="seika-organizations-title">
          <h2 id="seika-organizations-title" className="title-m seika-section-title">
            {strings.organizationsTitle}
          </h2>
          <OrganizationList
            client={client}
            state={organizations}
            strings={strings}
            format={format}
            onDisconnect={setDisconnecting}
          />
        </section>
        <ConnectForm
          client={client}
          hostOrganization={hostOrganization}
          strings={strings}
          onConnected={reload}
        />
      </div>
      {disconnecting !== undefined && (
        <DisconnectDialog
          client={client}
          organization={disconnecting}
          strings={strings}
          onDismiss={() => setDisconnecting(undefined)}
          onDisconnected={() => {
            setDisconnecting(undefined);
            reload();
          }}
        />
      )}
    </Page>
  );
}
