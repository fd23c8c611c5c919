import { z } from 'zod';

/** Every error the API returns has this body; `parameter` names the offending input when there is one. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    parameter: z.string().optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
