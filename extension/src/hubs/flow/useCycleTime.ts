import { useEffect, useState } from 'react';
import type { CycleTimeResponse, TeamPath } from '../../../../service/src/contract/index.ts';
import type { SeikaClient } from '../../api/seikaClient.ts';
import type { DateRange } from './dateRange.ts';

export type CycleTimeState =
  | { status: 'loading' }
  | { status: 'loaded'; response: CycleTimeResponse }
  | { status: 'failed'; message: string };

/** Loads cycle times for the team and range; a newer request cancels the one still in flight. */
export function useCycleTime(client: SeikaClient, team: TeamPath, range: DateRange): CycleTimeState {
  const [state, setState] = useState<CycleTimeState>({ status: 'loading' });
  const { organization, project, team: teamName } = team;
  const { from, to } = range;

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    client.getCycleTime({ organization, project, team: teamName }, { from, to }, controller.signal).then(
      (response) => {
        if (!controller.signal.aborted) {
          setState({ status: 'loaded', response });
        }
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
        }
      },
    );
    return () => controller.abort();
  }, [client, organization, project, teamName, from, to]);

  return state;
}
