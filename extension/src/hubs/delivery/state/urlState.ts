import { TILES } from './tileModel.ts';
import type { DeliveryTile } from '../strings/keys.ts';

/** What the Delivery hub keeps in the URL, so a view can be shared: the scope, the dates and the trend shown. */
export interface DeliveryUrlState {
  /** undefined: the whole project. */
  team: string | undefined;
  days: number;
  tile: DeliveryTile;
}

export const RANGE_PRESETS = [30, 90, 180] as const;
export const DEFAULT_URL_STATE: DeliveryUrlState = { team: undefined, days: 90, tile: 'deploymentFrequency' };
export const URL_STATE_KEYS = ['team', 'days', 'tile'] as const;

function isTile(value: string | null): value is DeliveryTile {
  return TILES.some((tile) => tile === value);
}

/** Unknown or malformed values fall back to the defaults rather than failing the page. */
export function parseUrlState(search: string): DeliveryUrlState {
  const query = new URLSearchParams(search);
  const team = query.get('team')?.trim();
  const days = Number(query.get('days'));
  const tile = query.get('tile');
  return {
    team: team === undefined || team.length === 0 ? undefined : team,
    days: RANGE_PRESETS.some((preset) => preset === days) ? days : DEFAULT_URL_STATE.days,
    tile: isTile(tile) ? tile : DEFAULT_URL_STATE.tile,
  };
}

/** Only what differs from the defaults, so the plain view has a plain URL. */
export function serializeUrlState(state: DeliveryUrlState): string {
  const query = new URLSearchParams();
  if (state.team !== undefined) query.set('team', state.team);
  if (state.days !== DEFAULT_URL_STATE.days) query.set('days', String(state.days));
  if (state.tile !== DEFAULT_URL_STATE.tile) query.set('tile', state.tile);
  return query.toString();
}
