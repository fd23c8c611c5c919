import '../../help/help.css';
import '../../insights/insights.css';
import './sprint.css';
import { createSeikaClient, defaultServiceUrl } from '../../api/seikaClient.ts';
import { QueryClient } from '../../data/queryClient.ts';
import { QueryClientContext } from '../../data/useQuery.ts';
import { languageOf } from '../../i18n/locale.ts';
import { renderRoot } from '../../page/renderRoot.ts';
import { getAccessToken, getAppToken, notifyHubFailed, notifyHubLoaded } from '../../sdk/hostContext.ts';
import { initSprintTabContext } from '../../sdk/tabContext.ts';
import { SprintTab } from './SprintTab.tsx';
import { sprintStrings } from '../../targets/strings/sprintStrings.ts';

async function start(): Promise<void> {
  const host = await initSprintTabContext();
  const culture = host.culture && host.culture.length > 0 ? host.culture : navigator.language;
  const language = languageOf(culture);
  document.documentElement.lang = language;
  const client = createSeikaClient({
    serviceUrl: defaultServiceUrl(),
    getToken: getAppToken,
    getUserToken: getAccessToken,
    organization: host.organization,
  });
  const team = { organization: host.organization, project: host.project, team: host.team };
  void client
    .recordUsage(host.organization, { kind: 'sprintTabOpened', project: host.project, team: host.team })
    .catch(() => undefined);
  let notified = false;
  renderRoot(
    <QueryClientContext.Provider value={new QueryClient()}>
      <SprintTab
        client={client}
        team={team}
        iterationId={host.iterationId}
        strings={sprintStrings(language)}
        language={language}
        locale={culture}
        organizationUrl={`https://dev.azure.com/${encodeURIComponent(host.organization)}`}
        onFirstResult={() => {
          if (!notified) {
            notified = true;
            notifyHubLoaded();
          }
        }}
      />
    </QueryClientContext.Provider>,
  );
}

start().catch(notifyHubFailed);
