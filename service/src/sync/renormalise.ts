import type { Logger } from '../logger.ts';
import type { DeliveryRepository } from '../storage/delivery/repository.ts';
import type { SeikaRepository } from '../storage/repository.ts';
import {
  DELIVERY_PAGE_NORMALISERS,
  isDeliveryPageKind,
  isPageKind,
  PAGE_NORMALISERS,
  type AnyPageKind,
} from './normalise/pageNormalisers.ts';

export interface RenormaliseReport {
  organization: string;
  pages: number;
  byKind: Partial<Record<AnyPageKind, number>>;
  seconds: number;
}

/**
 * Rebuilds every normalised row of an organization from its stored raw pages, in the order they were
 * fetched, without the network: a mapping fix never needs a re-download. Raw pages and watermarks are
 * untouched, so the next incremental sync carries on where the last one stopped.
 */
export async function renormaliseFromRaw(dependencies: {
  repository: SeikaRepository;
  /** Needed as soon as the organization has delivery pages. */
  delivery?: DeliveryRepository;
  organization: string;
  logger: Logger;
  batchSize?: number;
}): Promise<RenormaliseReport> {
  const { repository, delivery, organization, logger } = dependencies;
  const started = performance.now();
  const byKind: Partial<Record<AnyPageKind, number>> = {};
  let pages = 0;
  await repository.clearNormalised(organization);
  for (let after = 0; ;) {
    const batch = await repository.rawPagesAfter(organization, after, dependencies.batchSize ?? 50);
    if (batch.length === 0) break;
    for (const page of batch) {
      const source = { storedPageId: page.id };
      if (isDeliveryPageKind(page.stream)) {
        if (delivery === undefined) {
          throw new Error(
            `Raw page ${page.id} of ${organization} holds delivery data: pass the delivery store`,
          );
        }
        await DELIVERY_PAGE_NORMALISERS[page.stream](delivery, organization, source, JSON.parse(page.body));
      } else if (isPageKind(page.stream)) {
        await PAGE_NORMALISERS[page.stream](repository, organization, source, JSON.parse(page.body));
      } else {
        throw new Error(
          `Raw page ${page.id} of ${organization} has kind "${page.stream}", which this version cannot read; ` +
            'run a full sync instead.',
        );
      }
      byKind[page.stream] = (byKind[page.stream] ?? 0) + 1;
      pages += 1;
      after = page.id;
    }
  }
  const report = { organization, pages, byKind, seconds: (performance.now() - started) / 1000 };
  logger.info('re-normalised from raw pages', {
    organization,
    pages,
    seconds: Number(report.seconds.toFixed(3)),
  });
  return report;
}
