import { useEffect, useState } from 'react';
import type { AccessCapabilitiesResponse } from '../../../../service/src/contract/access/capabilities.ts';
import { SeikaApiError, type SeikaClient } from '../../api/seikaClient.ts';

/**
 * What the user may do here. `unknown`: the organization is not connected yet (or the host named none),
 * so nothing can be asked of it and the connect form is shown; the service decides on submit.
 */
export type CapabilitiesState =
  | { status: 'loading' }
  | { status: 'known'; capabilities: AccessCapabilitiesResponse }
  | { status: 'unknown'; reason: string }
  /** The service refused to say (401/403): the user cannot use anything here; the error says why. */
  | { status: 'refused'; error: SeikaApiError };

function errorCode(error: unknown): string {
  return error instanceof SeikaApiError ? error.code : 'network_error';
}

export function useCapabilities(
  client: SeikaClient,
  organization: string | undefined,
  revision: number,
): CapabilitiesState {
  const [state, setState] = useState<CapabilitiesState>({ status: 'loading' });
  useEffect(() => {
    if (organization === undefined) {
      setState({ status: 'unknown', reason: 'no_organization' });
      return undefined;
    }
    const controller = new AbortController();
    client.getAccessCapabilities(organization, {}, controller.signal).then(
      (capabilities) => {
        if (!controller.signal.aborted) setState({ status: 'known', capabilities });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof SeikaApiError && (error.status === 401 || error.status === 403)) {
          setState({ status: 'refused', error });
          return;
        }
        // Not connected yet, or Azure DevOps down: the full page, and the service decides on submit.
        setState({ status: 'unknown', reason: errorCode(error) });
      },
    );
    return () => controller.abort();
  }, [client, organization, revision]);
  return state;
}
