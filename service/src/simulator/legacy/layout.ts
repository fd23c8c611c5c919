import type { Random } from '../model/random.ts';
import type { IterationModel } from '../model/organization.ts';
import type { LegacyType } from './types.ts';

/** Names of the tiny and demo organizations: one project, one team (kept stable for the demo). */
export const ORGANIZATION_NAME = 'seika-demo';
export const PROJECT_NAME = 'Seika Demo';
export const TEAM_NAME = 'Web Team';
export const TEAM_AREA = `${PROJECT_NAME}\\Web`;
export const PLATFORM_AREA = `${PROJECT_NAME}\\Platform`;
export const AREA_PATHS = [PROJECT_NAME, TEAM_AREA, `${TEAM_AREA}\\Checkout`, PLATFORM_AREA] as const;

export const LEGACY_SCALES = {
  tiny: { items: 40, days: 45 },
  demo: { items: 300, days: 182 },
} as const;
export type LegacyScale = keyof typeof LEGACY_SCALES;

export const SPRINT_DAYS = 14;
const DAY = 86_400_000;

/** Two-week sprints from the Monday on or before `start` until two sprints past `now`. */
export function makeIterations(
  random: Random,
  start: Date,
  now: Date,
  projectName: string,
): IterationModel[] {
  const first = new Date(start.getTime() - ((start.getUTCDay() + 6) % 7) * DAY);
  const iterations: IterationModel[] = [];
  for (
    let at = first.getTime(), n = 1;
    at <= now.getTime() + 2 * SPRINT_DAYS * DAY;
    at += SPRINT_DAYS * DAY, n += 1
  ) {
    iterations.push(sprint(random.guid(), projectName, n, at));
  }
  return iterations;
}

/** Sprint n starting at `start` (a Monday): it runs until the Friday of its second week. */
export function sprint(id: string, projectName: string, n: number, start: number): IterationModel {
  return {
    id,
    name: `Sprint ${n}`,
    path: `${projectName}\\Sprint ${n}`,
    startDate: new Date(start),
    finishDate: new Date(start + (SPRINT_DAYS - 3) * DAY),
  };
}

export function pickType(random: Random): LegacyType {
  const roll = random.next();
  if (roll < 0.55) return 'User Story';
  return roll < 0.8 ? 'Bug' : 'Task';
}

export function pickArea(random: Random): string {
  const roll = random.next();
  if (roll < 0.1) return PLATFORM_AREA;
  return roll < 0.4 ? `${TEAM_AREA}\\Checkout` : TEAM_AREA;
}

export function makePat(random: Random): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let pat = '';
  for (let i = 0; i < 52; i += 1) pat += alphabet.charAt(random.int(0, alphabet.length - 1));
  return pat;
}
