import { z } from 'zod';

/** What the caller may do in an organization (and a project and team), so hubs show only usable controls. */
export const accessCapabilitiesSchema = z.object({
  organization: z.string(),
  user: z.object({ id: z.string(), displayName: z.string() }),
  collectionAdministrator: z.boolean(),
  project: z.object({ name: z.string(), administrator: z.boolean() }).nullable(),
  team: z.object({ name: z.string(), administrator: z.boolean() }).nullable(),
});
export type AccessCapabilitiesResponse = z.infer<typeof accessCapabilitiesSchema>;

export const accessCapabilitiesQuerySchema = z.object({
  project: z.string().min(1).max(256).optional(),
  team: z.string().min(1).max(256).optional(),
});
