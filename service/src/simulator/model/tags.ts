/** Every tag the simulator uses; revisions store tags as a bit mask over this list (16 at most). */
export const TAGS = [
  'frontend',
  'backend',
  'customer',
  'tech-debt',
  'mobile',
  'a11y',
  'incident',
  'security',
  'performance',
  'regression',
  'ux',
  'data',
] as const;
export type Tag = (typeof TAGS)[number];

export function tagMask(tags: readonly string[]): number {
  let mask = 0;
  for (const tag of tags) {
    const bit = (TAGS as readonly string[]).indexOf(tag);
    if (bit === -1) throw new Error(`unknown tag ${tag}`);
    mask |= 1 << bit;
  }
  return mask;
}

/** Tag names of a mask, sorted as the service lists them. */
export function tagNames(mask: number): string[] {
  return TAGS.filter((_tag, bit) => (mask & (1 << bit)) !== 0).sort();
}

export const INCIDENT_TAG_MASK = tagMask(['incident']);
