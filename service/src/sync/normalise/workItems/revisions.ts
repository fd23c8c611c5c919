import { z } from 'zod';
import type { WorkItemRevisionRecord } from '../../../domain/records.ts';

/** Only the revision fields Seika reads; everything else in the payload is ignored (and kept in the raw page). */
const revisionSchema = z.object({
  id: z.number().int().positive(),
  rev: z.number().int().positive(),
  fields: z.object({
    'System.WorkItemType': z.string().min(1),
    'System.TeamProject': z.string().min(1),
    'System.Title': z.string().default(''),
    'System.AreaPath': z.string().min(1),
    'System.State': z.string().min(1),
    'System.CreatedDate': z.iso.datetime({ offset: true }),
    'System.ChangedDate': z.iso.datetime({ offset: true }),
    'System.Tags': z.string().optional(),
    'System.IsDeleted': z.boolean().optional(),
    'System.BoardColumn': z.string().optional(),
    // Always set in Azure DevOps (the project's root at least: "Fabrikam-Fiber-Git", or a sprint such as
    // "Fabrikam-Fiber-Git\\Release 1\\Sprint 1", in the official reporting-revisions examples of
    // MicrosoftDocs/vsts-rest-api-specs wit/7.1); optional so pages stored before Seika asked for it still
    // normalise, with the membership history unknown for them.
    'System.IterationPath': z.string().min(1).optional(),
  }),
});

export const revisionsBatchSchema = z.object({
  values: z.array(z.unknown()),
  continuationToken: z.string().min(1).optional(),
  isLastBatch: z.boolean(),
  nextLink: z.string().optional(),
});
export type RevisionsBatch = z.infer<typeof revisionsBatchSchema>;

/**
 * The watermark to continue from. Some answers carry it only inside `nextLink` (see the official
 * example without a `continuationToken` field), so both places are read.
 */
export function nextContinuationToken(batch: RevisionsBatch): string | undefined {
  if (batch.continuationToken !== undefined) return batch.continuationToken;
  if (batch.nextLink === undefined) return undefined;
  const fromLink = new URL(batch.nextLink).searchParams.get('continuationToken');
  return fromLink === null || fromLink === '' ? undefined : fromLink;
}

/** Raised when a revision in a page does not have the fields Seika needs; names the item and the problem. */
export class MalformedRevisionError extends Error {
  constructor(
    readonly position: number,
    readonly detail: string,
  ) {
    super(`Revision #${position} in the page is malformed: ${detail}`);
    this.name = 'MalformedRevisionError';
  }
}

export function normaliseRevision(raw: unknown, position: number): WorkItemRevisionRecord {
  const parsed = revisionSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined ? '' : `${issue.path.join('.')}: ${issue.message}`;
    const id = typeof raw === 'object' && raw !== null ? Reflect.get(raw, 'id') : undefined;
    throw new MalformedRevisionError(position, `work item ${String(id)} ${where}`.trim());
  }
  const { id, rev, fields } = parsed.data;
  return {
    workItemId: id,
    revision: rev,
    project: fields['System.TeamProject'],
    workItemType: fields['System.WorkItemType'],
    title: fields['System.Title'],
    areaPath: fields['System.AreaPath'],
    state: fields['System.State'],
    tags: parseTags(fields['System.Tags']),
    createdAt: Date.parse(fields['System.CreatedDate']),
    changedAt: Date.parse(fields['System.ChangedDate']),
    isDeleted: fields['System.IsDeleted'] ?? false,
    boardColumn: fields['System.BoardColumn'] ?? null,
    iterationPath: fields['System.IterationPath'] ?? null,
  };
}

/** `id#rev` of a revision as sent, whatever else is wrong with it ("?" for what is missing). */
export function revisionKey(raw: unknown): string {
  const field = (name: string): string => {
    const value: unknown = typeof raw === 'object' && raw !== null ? Reflect.get(raw, name) : undefined;
    return typeof value === 'number' || typeof value === 'string' ? String(value) : '?';
  };
  return `${field('id')}#${field('rev')}`;
}

/** Azure DevOps stores tags as one string separated by "; ". */
export function parseTags(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(';')
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
}
