/**
 * What the recent-view suites share: the hand-made data set in a SQLite store of their own, and a delivery
 * service over it that counts its view computations.
 */
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openStorage } from '../../../service/src/app/openRepository.ts';
import type { Storage } from '../../../service/src/app/openRepository.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';
import { seedDeliveryDataSet } from './seed.ts';
import {
  createDeliveryService,
  DELIVERY_ENGINE,
  type DeliveryService,
} from '../../../service/src/services/delivery/service.ts';
import { staticOrganizationDirectory } from '../../../service/src/services/organizationDirectory.ts';

export function countingDeliveryService(
  storage: Storage,
  organization: string,
  onComputation: () => void,
): DeliveryService {
  return createDeliveryService({
    repository: storage.repository,
    delivery: storage.delivery,
    settings: storage.deliverySettings,
    organizations: staticOrganizationDirectory([
      { name: organization, url: `https://dev.azure.com/${organization}`, timeZone: 'UTC' },
    ]),
    engine: {
      ...DELIVERY_ENGINE,
      report: (prepared, request) => {
        onComputation();
        return DELIVERY_ENGINE.report(prepared, request);
      },
    },
  });
}

/** The organization's hand-made data set in a new SQLite store for the suite; the getter is valid in its tests. */
export function seededStorageForSuite(prefix: string, organization: string): () => Storage {
  const directory = temporaryDirectory(prefix);
  let storage: Storage | undefined;
  beforeAll(async () => {
    storage = await openStorage({ kind: 'sqlite', path: join(directory.path, `${prefix}.sqlite`) });
    await seedDeliveryDataSet(storage, organization);
  });
  afterAll(async () => {
    await storage?.close();
    directory.remove();
  });
  return () => {
    if (storage === undefined) throw new Error("The seeded storage is opened before the suite's tests");
    return storage;
  };
}
