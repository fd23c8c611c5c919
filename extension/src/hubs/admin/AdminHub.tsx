import { Header, TitleSize } from 'azure-devops-ui/Header';
import { HelpButton, HelpPanel } from '../../help/HelpPanel.tsx';
import { UsageSection } from './UsageSection.tsx';
import { AdoptionSection } from './AdoptionSection.tsx';
import { CompanyHolidaysSection } from './CompanyHolidaysSection.tsx';
import { Page } from 'azure-devops-ui/Page';
import { useEffect, useMemo, useState } from 'react';
import type { SeikaClient } from '../../api/seikaClient.ts';
import { apiErrorText } from '../../i18n/apiErrors.ts';
import type { Localization } from '../../i18n/locale.ts';
import { adminFormat } from './adminFormat.ts';
import { ConnectForm } from './ConnectForm.tsx';
import { DisconnectDialog } from './DisconnectDialog.tsx';
import { OrganizationList } from './OrganizationList.tsx';
import { useOrganizations } from './useOrganizations.ts';
import { useCapabilities } from './useCapabilities.ts';
import { accessStrings } from './accessStrings.ts';
import { AuditLog } from './AuditLog.tsx';
import { MessageCard, MessageCardSeverity } from 'azure-devops-ui/MessageCard';

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
 * and disconnect them. Organization-wide: nothing here is per person. Only Project Collection
 * Administrators see these controls (the service refuses everyone else anyway); others get a notice.
 */
export function AdminHub({ client, hostOrganization, localization, onFirstResult }: AdminHubProps) {
  const strings = localization.strings.admin;
  const format = useMemo(() => adminFormat(localization), [localization]);
  const [revision, setRevision] = useState(0);
  const [disconnecting, setDisconnecting] = useState<string | undefined>();
  const [help, setHelp] = useState(false);
  const organizations = useOrganizations(client, revision);
  const capabilities = useCapabilities(client, hostOrganization, revision);
  const access = accessStrings[localization.language];
  const reload = (): void => setRevision((value) => value + 1);
  const settled = organizations.status !== 'loading' && capabilities.status !== 'loading';
  const known = capabilities.status === 'known' ? capabilities.capabilities : undefined;
  const refused =
    capabilities.status === 'refused' ? apiErrorText(capabilities.error, localization.language) : undefined;
  const administrator = refused === undefined && (known === undefined || known.collectionAdministrator);

  useEffect(() => {
    if (settled) {
      onFirstResult();
    }
  }, [settled, onFirstResult]);

  return (
    <Page className="seika-admin flex-grow">
      <div className="seika-admin-header">
        <Header title={strings.title} titleSize={TitleSize.Large} description={strings.description} />
        <HelpButton language={localization.language} label={strings.title} onOpen={() => setHelp(true)} />
      </div>
      {help && (
        <HelpPanel language={localization.language} topic="setupChecklist" onClose={() => setHelp(false)} />
      )}
      <div className="page-content page-content-top flex-column rhythm-vertical-24">
        {refused !== undefined && (
          <MessageCard severity={MessageCardSeverity.Warning}>
            <div className="flex-column" data-testid="access-refused">
              <strong>{access.refusedTitle}</strong>
              <span>{refused}</span>
            </div>
          </MessageCard>
        )}
        {!administrator && known !== undefined && (
          <MessageCard severity={MessageCardSeverity.Info}>
            <div className="flex-column" data-testid="not-administrator">
              <strong>{access.notAdministratorTitle}</strong>
              <span>{access.notAdministratorBody(known.organization, known.user.displayName)}</span>
            </div>
          </MessageCard>
        )}
        {administrator && (
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
              language={localization.language}
            />
          </section>
        )}
        {administrator && (
          <ConnectForm
            client={client}
            hostOrganization={hostOrganization}
            strings={strings}
            language={localization.language}
            onConnected={reload}
          />
        )}
        {known?.collectionAdministrator === true && (
          <UsageSection client={client} organization={known.organization} language={localization.language} />
        )}
        {known?.collectionAdministrator === true && (
          <CompanyHolidaysSection
            client={client}
            organization={known.organization}
            localization={localization}
          />
        )}
        {known?.collectionAdministrator === true && (
          <AdoptionSection
            client={client}
            organization={known.organization}
            language={localization.language}
          />
        )}
        {known?.collectionAdministrator === true && (
          <AuditLog
            client={client}
            organization={known.organization}
            strings={access}
            format={format}
            language={localization.language}
            revision={revision}
          />
        )}
      </div>
      {disconnecting !== undefined && (
        <DisconnectDialog
          client={client}
          organization={disconnecting}
          strings={strings}
          accessStrings={access}
          language={localization.language}
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
