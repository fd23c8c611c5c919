import { createContext, useContext } from 'react';
import type { TeamPath } from '../../../../../service/src/contract/index.ts';
import type { SeikaClient } from '../../../api/seikaClient.ts';
import type { FlowStrings } from '../strings/en.ts';
import type { FlowUrlState } from '../state/urlState.ts';

/** An item behind a figure, for the drill-down list. */
export interface DrillItem {
  id: number;
  title: string;
  workItemType: string;
  url: string;
  /** What the figure measured for it ("12 days", "Active"). */
  detail: string;
}

/** What every Flow view needs besides its data: words, calendar, URL state and drill-down. */
export interface FlowContextValue {
  client: SeikaClient;
  team: TeamPath;
  strings: FlowStrings;
  locale: string;
  timeZone: string;
  /** Today in the team's time zone. */
  teamToday: string;
  state: FlowUrlState;
  update: (patch: Partial<FlowUrlState>) => void;
  drill: (title: string, items: readonly DrillItem[]) => void;
  formatNumber: (value: number, fractionDigits?: number) => string;
  formatDay: (day: string) => string;
}

export const FlowContext = createContext<FlowContextValue | null>(null);

export function useFlow(): FlowContextValue {
  const value = useContext(FlowContext);
  if (!value) throw new Error('Flow views render inside FlowContext.');
  return value;
}
