import './flow.css';
import { createSeikaClient, defaultServiceUrl } from '../../api/seikaClient.ts';
import { renderRoot } from '../../page/renderRoot.ts';
import { localize } from '../../i18n/locale.ts';
import { getAppToken, initHostContext, notifyHubFailed, notifyHubLoaded } from '../../sdk/hostContext.ts';
import { FlowHub } from './FlowHub.tsx';

async function start(): Promise<void> {
  const host = await initHostContext();
  const localization = localize(host.culture);
  document.documentElement.lang = localization.language;
  const client = createSeikaClient({ serviceUrl: defaultServiceUrl(), getToken: getAppToken });
  let notified = false;
  const onFirstResult = (): void => {
    if (!notified) {
      notified = true;
      notifyHubLoaded();
    }
  };
  renderRoot(
    <FlowHub
      client={client}
      team={{ organization: host.organization, project: host.project, team: host.team }}
      localization={localization}
      onFirstResult={onFirstResult}
    />,
  );
}

start().catch(notifyHubFailed);
