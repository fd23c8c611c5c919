import * as SDK from 'azure-devops-extension-sdk';
import { useCallback, useEffect, useState } from 'react';
import { parseUrlState, serializeUrlState, type FlowUrlState } from './urlState.ts';

/** The host's navigation service (azure-devops-extension-api's IHostNavigationService), as far as used. */
interface HostNavigation {
  getQueryParams(): Promise<Record<string, string>>;
  setQueryParams(parameters: Record<string, string>): void;
}

const hostNavigationId = 'ms.vss-features.host-navigation-service';
const stateKeys = [
  'view',
  'team',
  'range',
  'from',
  'to',
  'sprint',
  'types',
  'tags',
  'tagMatch',
  'area',
  'basis',
  'agingBy',
  'lead',
  'trend',
  'hide',
  'period',
  'cfd',
  'history',
  'by',
  'items',
];

async function hostNavigation(): Promise<HostNavigation | null> {
  try {
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 1500));
    return await Promise.race([SDK.getService<HostNavigation>(hostNavigationId), timeout]);
  } catch {
    return null;
  }
}

/**
 * The view's state in the page URL. Inside Azure DevOps the host page's query string is the shareable
 * URL (through its navigation service); the hub frame's own URL mirrors it, which is what the preview host
 * and the tests read.
 */
export function useUrlState(): [FlowUrlState, (patch: Partial<FlowUrlState>) => void] {
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
    (patch: Partial<FlowUrlState>) => {
      setState((previous) => {
        const next = { ...previous, ...patch };
        const search = serializeUrlState(next);
        window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
        if (navigation) {
          const parameters = Object.fromEntries(stateKeys.map((key) => [key, '']));
          navigation.setQueryParams({ ...parameters, ...Object.fromEntries(new URLSearchParams(search)) });
        }
        return next;
      });
    },
    [navigation],
  );
  return [state, update];
}
