import * as SDK from 'azure-devops-extension-sdk';
import { useCallback, useEffect, useState } from 'react';

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

/** How a hub's state reads from and writes to a query string, and which parameters it owns. */
export interface UrlStateCodec<State> {
  parse(search: string): State;
  serialize(state: State): string;
  /** Every parameter the hub may write: the ones a new state leaves out are cleared on the host page. */
  keys: readonly string[];
}

/**
 * A hub's state in the page URL. Inside Azure DevOps the host page's query string is the shareable URL
 * (through its navigation service); the hub frame's own URL mirrors it, which is what the preview host
 * and the tests read.
 */
export function useHostUrlState<State>(
  codec: UrlStateCodec<State>,
): [State, (patch: Partial<State>) => void] {
  const { parse, serialize, keys } = codec;
  const [state, setState] = useState(() => parse(window.location.search));
  const [navigation, setNavigation] = useState<HostNavigation | null>(null);

  useEffect(() => {
    let cancelled = false;
    void hostNavigation().then(async (service) => {
      if (cancelled || !service) return;
      setNavigation(service);
      const hostParameters = await service.getQueryParams();
      if (cancelled || window.location.search.length > 1) return;
      const search = new URLSearchParams(hostParameters).toString();
      if (search.length > 0) setState(parse(search));
    });
    return () => {
      cancelled = true;
    };
  }, [parse]);

  const update = useCallback(
    (patch: Partial<State>) => {
      setState((previous) => {
        const next = { ...previous, ...patch };
        const search = serialize(next);
        window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
        if (navigation) {
          const cleared = Object.fromEntries(keys.map((key) => [key, '']));
          navigation.setQueryParams({ ...cleared, ...Object.fromEntries(new URLSearchParams(search)) });
        }
        return next;
      });
    },
    [navigation, serialize, keys],
  );
  return [state, update];
}
