import { useEffect, useState } from 'react';
import type { OrganizationSummaryResponse } from '../../../../service/src/contract/index.ts';
import type { SeikaClient } from '../../api/seikaClient.ts';

export type OrganizationsState =
  | { status: 'loading' }
  | { status: 'loaded'; organizations: OrganizationSummaryResponse[] }
  /** `error`: what the call threw, worded in the reader's language where it is shown. */
  | { status: 'failed'; error: unknown };

/**
 * Loads the connected organizations; a new `revision` (after connecting or disconnecting) reloads them,
 * keeping the current list on screen until the new one arrives.
 */
export function useOrganizations(client: SeikaClient, revision: number): OrganizationsState {
  const [state, setState] = useState<OrganizationsState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    client.listOrganizations(controller.signal).then(
      ({ organizations }) => {
        if (!controller.signal.aborted) {
          setState({ status: 'loaded', organizations });
        }
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState({ status: 'failed', error });
        }
      },
    );
    return () => controller.abort();
  }, [client, revision]);

  return state;
}
