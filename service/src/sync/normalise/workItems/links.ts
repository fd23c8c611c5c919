import { z } from 'zod';
import type { WorkItemLinkRecord } from '../../../domain/records.ts';

/** The library turns changedDate into a Date; the stored page has the ISO string. Both are accepted. */
const instant = z
  .union([z.date(), z.iso.datetime({ offset: true })])
  .transform((value) => (value instanceof Date ? value.getTime() : Date.parse(value)));

export const linksBatchSchema = z.object({
  values: z.array(
    z.object({
      rel: z.string().min(1),
      sourceId: z.number().int(),
      targetId: z.number().int(),
      changedDate: instant,
      isActive: z.boolean(),
    }),
  ),
  continuationToken: z.string().min(1).optional(),
  nextLink: z.string().optional(),
  isLastBatch: z.boolean(),
});

/**
 * One record per link: when a page reports the same link more than once (added, then removed), the
 * last report in the page is its state. Stored rows are keyed by link, so a page must not repeat a key.
 */
export function toLinks(batch: z.infer<typeof linksBatchSchema>): WorkItemLinkRecord[] {
  const byKey = new Map<string, WorkItemLinkRecord>();
  for (const value of batch.values) {
    byKey.set(`${value.sourceId}|${value.targetId}|${value.rel}`, {
      sourceId: value.sourceId,
      targetId: value.targetId,
      linkType: value.rel,
      changedAt: value.changedDate,
      isActive: value.isActive,
    });
  }
  return [...byKey.values()];
}
