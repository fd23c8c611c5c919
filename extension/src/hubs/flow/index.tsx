import '../../charts/charts.css';
import '../../help/help.css';
import '../../insights/insights.css';
import './flow.css';
import { createSeikaClient, defaultServiceUrl } from '../../api/seikaClient.ts';
import { QueryClient } from '../../data/queryClient.ts';
import { QueryClientContext } from '../../data/useQuery.ts';
import { languageOf } from '../../i18n/locale.ts';
import { renderRoot } from '../../page/renderRoot.ts';
import {
  getAccessToken,
  getAppToken,
  initHostContext,
  notifyHubFailed,
  notifyHubLoaded,
} from '../../sdk/hostContext.ts';
import { FlowHub } from './FlowHub.tsx';
import { flowStrings } from './strings/flowStrings.ts';

async function start(): Promise<void> {
  const host = await initHostContext();
  const culture = host.culture && host.culture.length > 0 ? host.culture : navigator.language;
  const language = languageOf(culture);
  document.documentElement.lang = language;
  const client = createSeikaClient({
    serviceUrl: defaultServiceUrl(),
    getToken: getAppToken,
    getUserToken: getAccessToken,
    organization: host.organization,
  });
  // Counted per team and week; no identity is kept (see README: usage analysis).
  void client
    .recordUsage(host.organization, { kind: 'flowHubOpened', project: host.project, team: host.team })
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
      <FlowHub
        client={client}
        hostTeam={{ organization: host.organization, project: host.project, team: host.team }}
        strings={flowStrings(language)}
        locale={culture}
        onFirstResult={onFirstResult}
      />
    </QueryClientContext.Provider>,
  );
}

start().catch(notifyHubFailed);
