import { z } from 'zod';
import type { WorkItemLinkRecord } from '../../../domain/records.ts';

/** The library turns changedDate into a Date; the stored page has the ISO string. Both are accepted. */
const instant = z
  .union([z.date(), z.iso.datetime({ offset: true })])
  .transform((value) => (value instanceof Date ? value.getTime() : Date.parse(value)));

const linkSchema = z.object({
  rel: z.string().min(1),
  sourceId: z.number().int(),
  targetId: z.number().int(),
  changedDate: instant,
  isActive: z.boolean(),
});

/** The page; each link is checked on its own (linkOrProblem) so one malformed link cannot block the page. */
export const linksBatchSchema = z.object({
  values: z.array(z.unknown()),
  continuationToken: z.string().min(1).optional(),
  nextLink: z.string().optional(),
  isLastBatch: z.boolean(),
});

export interface LinksOfPage {
  links: WorkItemLinkRecord[];
  /** Links that could not be read: position, the link as sent, and why. */
  malformed: { position: number; itemKey: string; item: unknown; reason: string }[];
}

function linkKey(raw: unknown): string {
  const field = (name: string): string => {
    const value: unknown = typeof raw === 'object' && raw !== null ? Reflect.get(raw, name) : undefined;
    return typeof value === 'number' || typeof value === 'string' ? String(value) : '?';
  };
  return `${field('sourceId')}|${field('targetId')}|${field('rel')}`;
}

/**
 * One record per link: when a page reports the same link more than once (added, then removed), the
 * last report in the page is its state. Stored rows are keyed by link, so a page must not repeat a key.
 */
export function toLinks(batch: z.infer<typeof linksBatchSchema>): LinksOfPage {
  const byKey = new Map<string, WorkItemLinkRecord>();
  const malformed: LinksOfPage['malformed'] = [];
  for (const [position, raw] of batch.values.entries()) {
    const parsed = linkSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const reason = `Link #${position} in the page is malformed: ${issue === undefined ? 'invalid' : `${issue.path.join('.')}: ${issue.message}`}`;
      malformed.push({ position, itemKey: linkKey(raw), item: raw, reason });
      continue;
    }
    const value = parsed.data;
    byKey.set(`${value.sourceId}|${value.targetId}|${value.rel}`, {
      sourceId: value.sourceId,
      targetId: value.targetId,
      linkType: value.rel,
      changedAt: value.changedDate,
      isActive: value.isActive,
    });
  }
  return { links: [...byKey.values()], malformed };
}
