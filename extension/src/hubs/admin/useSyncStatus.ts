import { useEffect, useState } from 'react';
import type { SyncStatusResponse } from '../../../../service/src/contract/index.ts';
import type { SeikaClient } from '../../api/seikaClient.ts';
import { nextPollDelayMs } from './syncDisplay.ts';

export interface SyncStatusState {
  /** The latest answer; kept when a later poll fails so the view does not go blank. */
  status: SyncStatusResponse | undefined;
  /** What the last poll threw, cleared by the next success (worded where it is shown). */
  error: { caught: unknown } | undefined;
}

/**
 * Polls an organization's sync status: every few seconds while a stream is collecting, less often
 * otherwise (see nextPollDelayMs). One request at a time; unmounting stops the loop.
 */
export function useSyncStatus(client: SeikaClient, organization: string): SyncStatusState {
  const [state, setState] = useState<SyncStatusState>({ status: undefined, error: undefined });

  useEffect(() => {
    const controller = new AbortController();
    let timer: number | undefined;
    let latest: SyncStatusResponse | undefined;

    const poll = async (): Promise<void> => {
      try {
        latest = await client.getSyncStatus(organization, controller.signal);
        setState({ status: latest, error: undefined });
      } catch (error) {
        if (controller.signal.aborted) {
          return;
        }
        setState({ status: latest, error: { caught: error } });
      }
      if (!controller.signal.aborted) {
        timer = window.setTimeout(() => void poll(), nextPollDelayMs(latest, Date.now()));
      }
    };

    setState({ status: undefined, error: undefined });
    void poll();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [client, organization]);

  return state;
}
