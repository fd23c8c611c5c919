import { MessageCard, MessageCardSeverity } from 'azure-devops-ui/MessageCard';
import { Spinner, SpinnerSize } from 'azure-devops-ui/Spinner';
import { ZeroData } from 'azure-devops-ui/ZeroData';
import type { SeikaClient } from '../../api/seikaClient.ts';
import { apiErrorText } from '../../i18n/apiErrors.ts';
import type { Strings } from '../../i18n/en.ts';
import type { Language } from '../../i18n/locale.ts';
import type { AdminFormat } from './adminFormat.ts';
import { OrganizationCard } from './OrganizationCard.tsx';
import type { OrganizationsState } from './useOrganizations.ts';

interface OrganizationListProps {
  client: SeikaClient;
  state: OrganizationsState;
  strings: Strings['admin'];
  format: AdminFormat;
  onDisconnect: (organization: string) => void;
  language: Language;
}

/** The connected organizations, each with its live sync progress. */
export function OrganizationList({
  client,
  state,
  strings,
  format,
  onDisconnect,
  language,
}: OrganizationListProps) {
  switch (state.status) {
    case 'loading':
      return (
        <Spinner
          size={SpinnerSize.large}
          label={strings.organizationsLoading}
          className="seika-admin-spinner"
        />
      );
    case 'failed':
      return (
        <MessageCard severity={MessageCardSeverity.Error}>
          <div className="flex-column" data-testid="organizations-error">
            <strong>{strings.organizationsErrorTitle}</strong>
            <span>{apiErrorText(state.error, language)}</span>
          </div>
        </MessageCard>
      );
    case 'loaded':
      if (state.organizations.length === 0) {
        return (
          <ZeroData
            className="seika-admin-zero"
            iconProps={{ iconName: 'CloudDownload' }}
            imageAltText=""
            primaryText={strings.noOrganizationsTitle}
            secondaryText={strings.noOrganizationsBody}
          />
        );
      }
      return (
        <div className="flex-column rhythm-vertical-16" data-testid="organization-list">
          {state.organizations.map((organization) => (
            <OrganizationCard
              key={organization.name}
              client={client}
              organization={organization}
              strings={strings}
              format={format}
              onDisconnect={onDisconnect}
              language={language}
            />
          ))}
        </div>
      );
  }
}
