import { Router } from 'express';
import { projectDeliverySettingsSchema } from '../../contract/index.ts';
import type { DeliverySettingsService } from '../../services/delivery/settingsService.ts';
import { PROJECT_PATH } from './endpoints.ts';
import { asDeliveryHttp, parseProjectPath } from './params.ts';
import { parseParameters } from '../params.ts';

export const DELIVERY_SETTINGS_PATH = `${PROJECT_PATH}/delivery/settings`;
export const DELIVERY_SETTINGS_PREVIEW_PATH = `${DELIVERY_SETTINGS_PATH}/preview`;

/**
 * GET, PUT (whole settings; omitted fields take their defaults), DELETE (back to defaults), and POST
 * .../preview: what a draft (validated like a PUT body) would mark as production, storing nothing.
 */
export function createDeliverySettingsRouter(service: DeliverySettingsService): Router {
  const router = Router();
  router.get(DELIVERY_SETTINGS_PATH, async (request, response) => {
    response.json(await service.get(parseProjectPath(request.params)));
  });
  router.put(DELIVERY_SETTINGS_PATH, async (request, response) => {
    const path = parseProjectPath(request.params);
    const settings = parseParameters(projectDeliverySettingsSchema, request.body, 'body');
    response.json(await asDeliveryHttp(() => service.put(path, settings)));
  });
  router.delete(DELIVERY_SETTINGS_PATH, async (request, response) => {
    response.json(await service.reset(parseProjectPath(request.params)));
  });
  router.post(DELIVERY_SETTINGS_PREVIEW_PATH, async (request, response) => {
    const path = parseProjectPath(request.params);
    const draft = parseParameters(projectDeliverySettingsSchema, request.body, 'body');
    response.json(await service.preview(path, draft));
  });
  return router;
}
