import '../../charts/charts.css';
import '../../help/help.css';
import '../../insights/insights.css';
import './delivery.css';
import { createSeikaClient, defaultServiceUrl } from '../../api/seikaClient.ts';
import { QueryClient } from '../../data/queryClient.ts';
import { QueryClientContext } from '../../data/useQuery.ts';
import { languageOf } from '../../i18n/locale.ts';
import { renderRoot } from '../../page/renderRoot.ts';
import { getAccessToken, getAppToken, notifyHubFailed, notifyHubLoaded } from '../../sdk/hostContext.ts';
import { DeliveryHub } from './DeliveryHub.tsx';
import { initDeliveryHostContext } from './deliveryHostContext.ts';
import { deliveryStrings } from './strings/deliveryStrings.ts';

async function start(): Promise<void> {
  const host = await initDeliveryHostContext();
  const culture = host.culture && host.culture.length > 0 ? host.culture : navigator.language;
  const language = languageOf(culture);
  document.documentElement.lang = language;
  const client = createSeikaClient({
    serviceUrl: defaultServiceUrl(),
    getToken: getAppToken,
    getUserToken: getAccessToken,
    organization: host.organization,
  });
  // Counted per team and week (the usage contract takes both project and team, or neither).
  void client
    .recordUsage(
      host.organization,
      host.team === undefined
        ? { kind: 'deliveryHubOpened' }
        : { kind: 'deliveryHubOpened', project: host.project, team: host.team },
    )
    .catch(() => undefined);
  let notified = false;
  const onFirstResult = (): void => {
    if (!notified) {
      notified = true;
      notifyHubLoaded();
    }
  };
  renderRoot(
    <QueryClientContext.Provider value={new QueryClient()}>
      <DeliveryHub
        client={client}
        organization={host.organization}
        project={host.project}
        strings={deliveryStrings(language)}
        locale={culture}
        onFirstResult={onFirstResult}
      />
    </QueryClientContext.Provider>,
  );
}

start().catch(notifyHubFailed);
