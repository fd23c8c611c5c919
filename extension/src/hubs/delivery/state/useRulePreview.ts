import { useEffect, useState } from 'react';
import type { ProjectPath } from '../../../../../service/src/contract/delivery/query.ts';
import type { DeliverySettingsPreviewResponse } from '../../../../../service/src/contract/delivery/settings.ts';
import type { SeikaClient } from '../../../api/seikaClient.ts';
import type { QueryState } from '../../../data/queryClient.ts';
import { queryKey, useQuery } from '../../../data/useQuery.ts';
import { DELIVERY_KEY_PREFIX } from './deliveryQueries.ts';
import { previewInputOf, type SettingsDraft } from './settingsDraft.ts';

/** Typing pauses this long before the service is asked what the draft selects. */
export const PREVIEW_DEBOUNCE_MS = 400;

/** The draft as of the last pause in typing. */
function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/**
 * What the draft production mark selects, asked of the service (which applies the engine's own rule to
 * the stored deployments) once typing pauses. Keyed under the delivery prefix, so saving refetches it
 * against the new saved rule. Null while a pattern is not valid yet (nothing is asked).
 */
export function useRulePreview(
  client: SeikaClient,
  project: ProjectPath,
  draft: Pick<SettingsDraft, 'environments' | 'stages'>,
): QueryState<DeliverySettingsPreviewResponse> | null {
  const environments = useDebounced(draft.environments, PREVIEW_DEBOUNCE_MS);
  const stages = useDebounced(draft.stages, PREVIEW_DEBOUNCE_MS);
  const input = previewInputOf({ environments, stages });
  const state = useQuery(
    input === null ? null : queryKey(`${DELIVERY_KEY_PREFIX}-preview`, { project, input }),
    (signal) => client.previewDeliverySettings(project, input ?? {}, signal),
  );
  return input === null ? null : state;
}
