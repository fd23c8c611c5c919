/** Request parsing for the delivery API: the project (and team) path, and service failures as HTTP. */
import type { DeliveryPath, ProjectPath } from '../../contract/index.ts';
import { deliveryPathSchema, projectPathSchema } from '../../contract/index.ts';
import { DELIVERY_REQUEST_FAILURES, DeliveryRequestError } from '../../services/delivery/errors.ts';
import { HttpError, invalidInput } from '../httpErrors.ts';

export function parseDeliveryPath(params: unknown): DeliveryPath {
  const path = deliveryPathSchema.safeParse(params);
  if (!path.success) throw invalidInput(path.error, 'path');
  return path.data;
}

export function parseProjectPath(params: unknown): ProjectPath {
  const path = projectPathSchema.safeParse(params);
  if (!path.success) throw invalidInput(path.error, 'path');
  return path.data;
}

/** Failures the service found in the data or settings (an unmapped team, an unknown team name) as HTTP. */
export async function asDeliveryHttp<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DeliveryRequestError) {
      throw new HttpError(
        DELIVERY_REQUEST_FAILURES[error.failure],
        error.failure,
        error.message,
        error.parameter,
      );
    }
    throw error;
  }
}
