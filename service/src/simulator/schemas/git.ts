import { z } from 'zod';
import { collection, dateString, identityRefSchema, projectRefSchema } from './common.ts';

const commitRef = z.object({ commitId: z.string(), url: z.string() });

export const repositorySchema = z.object({
  id: z.string(),
  name: z.string(),
  project: projectRefSchema,
  defaultBranch: z.string().optional(),
});

export const pullRequestSchema = z.object({
  pullRequestId: z.number().int(),
  repository: z.object({ id: z.string(), name: z.string(), project: projectRefSchema }),
  status: z.enum(['notSet', 'active', 'abandoned', 'completed']),
  createdBy: identityRefSchema,
  creationDate: dateString,
  closedDate: dateString.optional(),
  title: z.string(),
  sourceRefName: z.string(),
  targetRefName: z.string(),
  lastMergeSourceCommit: commitRef.optional(),
  lastMergeTargetCommit: commitRef.optional(),
  lastMergeCommit: commitRef.optional(),
  reviewers: z.array(identityRefSchema.extend({ vote: z.number().int() })),
  url: z.string(),
});
export const pullRequestsSchema = collection(pullRequestSchema);

const signature = z.object({ name: z.string(), email: z.string(), date: dateString });
export const commitSchema = z.object({
  commitId: z.string(),
  author: signature,
  committer: signature,
  comment: z.string(),
  url: z.string(),
});
export const commitsSchema = collection(commitSchema);
