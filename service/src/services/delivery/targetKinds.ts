import type { DeliverySettingsResponse } from '../../contract/index.ts';
import type { DeploymentRecord } from '../../domain/delivery.ts';

/** How the settings name a record's target: an environment, a classic release environment or a stage. */
export const TARGET_KIND: Record<
  DeploymentRecord['source'],
  DeliverySettingsResponse['options']['targets'][number]['kind']
> = {
  environment: 'environment',
  classicRelease: 'releaseEnvironment',
  pipelineStage: 'stage',
};
