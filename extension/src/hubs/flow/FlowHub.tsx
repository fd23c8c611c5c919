import { Card } from 'azure-devops-ui/Card';
import { Header, TitleSize } from 'azure-devops-ui/Header';
import { MessageCard, MessageCardSeverity } from 'azure-devops-ui/MessageCard';
import { Page } from 'azure-devops-ui/Page';
import { Spinner, SpinnerSize } from 'azure-devops-ui/Spinner';
import { ZeroData } from 'azure-devops-ui/ZeroData';
import { useEffect, useMemo, useState } from 'react';
import type { TeamPath } from '../../../../service/src/contract/index.ts';
import type { SeikaClient } from '../../api/seikaClient.ts';
import type { Localization } from '../../i18n/locale.ts';
import { CycleTimeScatter } from './CycleTimeScatter.tsx';
import { defaultRangeDays, rangeEndingOn, type RangeDays } from './dateRange.ts';
import { FlowSummary } from './FlowSummary.tsx';
import { RangePicker } from './RangePicker.tsx';
import { useCycleTime, type CycleTimeState } from './useCycleTime.ts';

interface FlowHubProps {
  client: SeikaClient;
  team: TeamPath;
  localization: Localization;
  /** Called once, when the first answer (data or error) is on screen. */
  onFirstResult: () => void;
}

/** Team-level flow page: how long finished work took, as a cycle-time scatterplot with percentiles. */
export function FlowHub({ client, team, localization, onFirstResult }: FlowHubProps) {
  const [rangeDays, setRangeDays] = useState<RangeDays>(defaultRangeDays);
  const range = useMemo(() => rangeEndingOn(new Date(), rangeDays), [rangeDays]);
  const state = useCycleTime(client, team, range);
  const settled = state.status !== 'loading';

  useEffect(() => {
    if (settled) {
      onFirstResult();
    }
  }, [settled, onFirstResult]);

  return (
    <Page className="seika-flow flex-grow">
      <Header title={localization.strings.flowTitle} titleSize={TitleSize.Large} />
      <div className="page-content page-content-top flex-column rhythm-vertical-16">
        <RangePicker value={rangeDays} onChange={setRangeDays} strings={localization.strings} />
        <FlowContent state={state} localization={localization} />
      </div>
    </Page>
  );
}

function FlowContent({ state, localization }: { state: CycleTimeState; localization: Localization }) {
  const { strings } = localization;
  switch (state.status) {
    case 'loading':
      return <Spinner size={SpinnerSize.large} label={strings.loading} className="seika-flow-spinner" />;
    case 'failed':
      return (
        <MessageCard severity={MessageCardSeverity.Error} className="seika-flow-error">
          <div className="flex-column" data-testid="flow-error">
            <strong>{strings.errorTitle}</strong>
            <span>{state.message}</span>
          </div>
        </MessageCard>
      );
    case 'loaded':
      if (state.response.items.length === 0 && state.response.completedWithoutStart.length === 0) {
        return (
          <ZeroData
            className="seika-flow-zero"
            iconProps={{ iconName: 'Chart' }}
            imageAltText=""
            primaryText={strings.zeroDataTitle}
            secondaryText={strings.zeroDataBody}
          />
        );
      }
      return (
        <Card className="seika-flow-card">
          <div className="flex-column flex-grow rhythm-vertical-16">
            <FlowSummary response={state.response} localization={localization} />
            {state.response.items.length > 0 && (
              <CycleTimeScatter response={state.response} localization={localization} />
            )}
          </div>
        </Card>
      );
  }
}
