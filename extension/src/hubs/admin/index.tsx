import '../../help/help.css';
import './admin.css';
import { createSeikaClient, defaultServiceUrl } from '../../api/seikaClient.ts';
import { renderRoot } from '../../page/renderRoot.ts';
import { localize } from '../../i18n/locale.ts';
import { getAccessToken, getAppToken, notifyHubFailed, notifyHubLoaded } from '../../sdk/hostContext.ts';
import { AdminHub } from './AdminHub.tsx';
import { initAdminHostContext } from './adminHostContext.ts';

async function start(): Promise<void> {
  const host = await initAdminHostContext();
  const localization = localize(host.culture);
  document.documentElement.lang = localization.language;
  const client = createSeikaClient({
    serviceUrl: defaultServiceUrl(),
    getToken: getAppToken,
    getUserToken: getAccessToken,
    organization: host.organization ?? '',
  });
  if (host.organization !== undefined) {
    void client.recordUsage(host.organization, { kind: 'adminHubOpened' }).catch(() => undefined);
  }
  let notified = false;
  const onFirstResult = (): void => {
    if (!notified) {
      notified = true;
      notifyHubLoaded();
    }
  };
  renderRoot(
    <AdminHub
      client={client}
      hostOrganization={host.organization}
      localization={localization}
      onFirstResult={onFirstResult}
    />,
  );
}

start().catch(notifyHubFailed);
