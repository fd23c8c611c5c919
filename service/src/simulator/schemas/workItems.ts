import { z } from 'zod';
import { collection, dateString } from './common.ts';

const identityField = z.union([z.string(), z.object({ id: z.string(), uniqueName: z.string() })]);

/** A reporting revision: the fields consumers read are typed, others pass. */
export const reportingRevisionSchema = z.object({
  id: z.number().int(),
  rev: z.number().int(),
  fields: z
    .object({
      'System.Id': z.number().int().optional(),
      'System.Rev': z.number().int().optional(),
      'System.WorkItemType': z.string().optional(),
      'System.State': z.string().optional(),
      'System.AreaPath': z.string().optional(),
      'System.TeamProject': z.string().optional(),
      'System.Title': z.string().optional(),
      'System.CreatedDate': dateString.optional(),
      'System.ChangedDate': dateString.optional(),
      'System.RevisedDate': dateString.optional(),
      'System.CreatedBy': identityField.optional(),
      'System.ChangedBy': identityField.optional(),
      'System.BoardColumn': z.string().optional(),
      'System.Tags': z.string().optional(),
      'System.IsDeleted': z.boolean().optional(),
    })
    .loose(),
});

/** StreamedBatch: reporting revisions and links page with a watermark token. */
export const streamedBatch = <T extends z.ZodType>(item: T) =>
  z.object({
    values: z.array(item),
    nextLink: z.string(),
    continuationToken: z.string().optional(),
    isLastBatch: z.boolean(),
  });

export const reportingRevisionsBatchSchema = streamedBatch(reportingRevisionSchema);

export const reportingLinkSchema = z.object({
  rel: z.string(),
  sourceId: z.number().int(),
  targetId: z.number().int(),
  changedDate: dateString,
  isActive: z.boolean(),
});
export const reportingLinksBatchSchema = streamedBatch(reportingLinkSchema);

export const workItemStatesSchema = collection(
  z.object({ name: z.string(), color: z.string(), category: z.string() }),
);

export const workItemSchema = z.object({
  id: z.number().int(),
  rev: z.number().int(),
  fields: z.record(z.string(), z.unknown()),
  url: z.string(),
});
export const workItemsBatchSchema = collection(workItemSchema.nullable());

export const wiqlResultSchema = z.object({
  queryType: z.string(),
  asOf: dateString,
  columns: z.array(z.object({ referenceName: z.string(), name: z.string(), url: z.string() })),
  workItems: z.array(z.object({ id: z.number().int(), url: z.string() })),
});
