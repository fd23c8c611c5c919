import * as SDK from 'azure-devops-extension-sdk';
import { useCallback, useEffect, useState } from 'react';
import { parseUrlState, serializeUrlState, URL_STATE_KEYS, type DeliveryUrlState } from './urlState.ts';

/** The host's navigation service (azure-devops-extension-api's IHostNavigationService), as far as used. */
interface HostNavigation {
  getQueryParams(): Promise<Record<string, string>>;
  setQueryParams(parameters: Record<string, string>): void;
}

const hostNavigationId = 'ms.vss-features.host-navigation-service';

async function hostNavigation(): Promise<HostNavigation | null> {
  try {
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 1500));
    return await Promise.race([SDK.getService<HostNavigation>(hostNavigationId), timeout]);
  } catch {
    return null;
  }
}

/**
 * The hub's state in the page URL, as the Flow hub keeps its own: inside Azure DevOps the host page's
 * query string (through its navigation service) is the shareable URL; the frame's own URL mirrors it.
 */
export function useDeliveryUrlState(): [DeliveryUrlState, (patch: Partial<DeliveryUrlState>) => void] {
  const [state, setState] = useState(() => parseUrlState(window.location.search));
  const [navigation, setNavigation] = useState<HostNavigation | null>(null);

  useEffect(() => {
    let cancelled = false;
    void hostNavigation().then(async (service) => {
      if (cancelled || !service) return;
      setNavigation(service);
      const hostParameters = await service.getQueryParams();
      if (cancelled || window.location.search.length > 1) return;
      const search = new URLSearchParams(hostParameters).toString();
      if (search.length > 0) setState(parseUrlState(search));
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const update = useCallback(
    (patch: Partial<DeliveryUrlState>) => {
      setState((previous) => {
        const next = { ...previous, ...patch };
        const search = serializeUrlState(next);
        window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
        if (navigation) {
          const cleared = Object.fromEntries(URL_STATE_KEYS.map((key) => [key, '']));
          navigation.setQueryParams({ ...cleared, ...Object.fromEntries(new URLSearchParams(search)) });
        }
        return next;
      });
    },
    [navigation],
  );
  return [state, update];
}
