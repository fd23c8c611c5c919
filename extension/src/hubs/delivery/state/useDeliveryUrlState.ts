import { useHostUrlState, type UrlStateCodec } from '../../../sdk/useHostUrlState.ts';
import { parseUrlState, serializeUrlState, URL_STATE_KEYS, type DeliveryUrlState } from './urlState.ts';

const codec: UrlStateCodec<DeliveryUrlState> = {
  parse: parseUrlState,
  serialize: serializeUrlState,
  keys: URL_STATE_KEYS,
};

/** The Delivery hub's state in the page URL, kept as the Flow hub keeps its own. */
export function useDeliveryUrlState(): [DeliveryUrlState, (patch: Partial<DeliveryUrlState>) => void] {
  return useHostUrlState(codec);
}
