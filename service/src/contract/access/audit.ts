import { z } from 'zod';

export const auditActionSchema = z.enum([
  'organization.connected',
  'organization.reconnected',
  'organization.disconnected',
  'team.flowSettings.changed',
  'team.flowSettings.reset',
  'team.sprintTargets.changed',
  'team.sprintTargets.reset',
  'project.deliverySettings.changed',
  'project.deliverySettings.reset',
  'organization.companyHolidays.changed',
]);
export type AuditAction = z.infer<typeof auditActionSchema>;

/** One administrator's change to Seika's settings: who, what, before and after, when. Never work data. */
export const auditEntrySchema = z.object({
  at: z.string(),
  actor: z.object({ id: z.string(), displayName: z.string() }),
  action: auditActionSchema,
  /** What changed: the organization, `project/{name}` or `project/{name}/team/{name}`. */
  target: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntryResponse = z.infer<typeof auditEntrySchema>;

export const auditLogResponseSchema = z.object({ entries: z.array(auditEntrySchema) });
export type AuditLogResponse = z.infer<typeof auditLogResponseSchema>;
