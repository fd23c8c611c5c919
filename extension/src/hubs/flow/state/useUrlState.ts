import { useHostUrlState, type UrlStateCodec } from '../../../sdk/useHostUrlState.ts';
import { parseUrlState, serializeUrlState, type FlowUrlState } from './urlState.ts';

const codec: UrlStateCodec<FlowUrlState> = {
  parse: parseUrlState,
  serialize: serializeUrlState,
  keys: [
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
  ],
};

/** The Flow view's state in the page URL (the host page's query string inside Azure DevOps). */
export function useUrlState(): [FlowUrlState, (patch: Partial<FlowUrlState>) => void] {
  return useHostUrlState(codec);
}
