import { z } from 'zod';
import { collection, dateString } from './common.ts';

export const subscriptionRequestSchema = z.object({
  publisherId: z.string(),
  eventType: z.string(),
  resourceVersion: z.string().optional(),
  consumerId: z.string(),
  consumerActionId: z.string(),
  publisherInputs: z.record(z.string(), z.string()),
  consumerInputs: z.object({ url: z.string() }).loose(),
});

export const subscriptionSchema = subscriptionRequestSchema.extend({
  id: z.string(),
  url: z.string(),
  createdDate: dateString,
  modifiedDate: dateString,
});

export const eventTypesSchema = collection(
  z.object({
    publisherId: z.string(),
    id: z.string(),
    url: z.string(),
    name: z.string(),
    supportedResourceVersions: z.array(z.string()),
  }),
);

const text = z.object({ text: z.string() });
export const hookEnvelopeSchema = z.object({
  subscriptionId: z.string(),
  notificationId: z.number().int(),
  id: z.string(),
  eventType: z.string(),
  publisherId: z.string(),
  message: text,
  detailedMessage: text,
  resource: z.record(z.string(), z.unknown()),
  resourceVersion: z.string(),
  resourceContainers: z.object({
    collection: z.object({ id: z.string() }),
    account: z.object({ id: z.string() }),
    project: z.object({ id: z.string() }),
  }),
  createdDate: dateString,
});
