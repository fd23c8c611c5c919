import { z } from 'zod';

/** The project's teams Seika has synchronised (the Flow hub's team switcher). */
export const teamListResponseSchema = z.object({
  organization: z.string(),
  project: z.string(),
  teams: z.array(z.object({ name: z.string() })),
});
export type TeamListResponse = z.infer<typeof teamListResponseSchema>;
