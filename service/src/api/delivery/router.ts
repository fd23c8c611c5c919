import type { Request, Response } from 'express';
import { Router } from 'express';
import type { z } from 'zod';
import type { DeliveryResponseMeta } from '../../contract/index.ts';
import type { DeliveryService, DeliverySession } from '../../services/delivery/service.ts';
import { canonicalJson } from '../../services/requestKey.ts';
import type { CsvExport } from '../flow/csvExports.ts';
import {
  DELIVERY_CHANGES_CSV,
  DELIVERY_DEPLOYMENTS_CSV,
  DELIVERY_INCIDENTS_CSV,
  renderDeliveryCsv,
} from './csv.ts';
import { DELIVERY_ENDPOINTS, DELIVERY_SCOPES, deliveryRoute, type DeliveryEndpoint } from './endpoints.ts';
import { asDeliveryHttp, parseDeliveryPath } from './params.ts';
import { conditionalGet, createAnswerCache, encodeAnswer, renderedAs, sendEncoded } from '../caching.ts';
import { parseParameters, responseFormat, textField } from '../params.ts';

type CsvRenderer<R> = (body: R) => { filename: string; body: string };

function csvOf<R extends DeliveryResponseMeta, Row>(exported: CsvExport<R, Row>): CsvRenderer<R> {
  return (body) => renderDeliveryCsv(exported, body);
}

/**
 * Every delivery endpoint per project and per team. Parses and validates requests, answers 304 when the
 * client's ETag is current (before any record is loaded), then delegates; no metric logic here.
 */
export function createDeliveryRouter(service: DeliveryService): Router {
  const router = Router();
  const registered = new Set<DeliveryEndpoint>();
  const answers = createAnswerCache();

  function add<Q extends z.ZodObject, R>(
    spec: DeliveryEndpoint<Q>,
    handler: (session: DeliverySession, query: z.output<Q>) => Promise<R>,
    csv?: CsvRenderer<R>,
  ): void {
    if (spec.csv !== (csv !== undefined)) throw new Error(`CSV export of ${spec.id} does not match its spec`);
    registered.add(spec);
    for (const scope of DELIVERY_SCOPES) {
      router.get(deliveryRoute(scope, spec.path), async (request: Request, response: Response) => {
        const path = parseDeliveryPath(request.params);
        const query = parseParameters(spec.query, request.query, 'query');
        const format = responseFormat(request, textField(query, 'format'), spec.csv);
        const session = await asDeliveryHttp(() => service.open(path));
        const version = session.versionKey(textField(query, 'timeZone'));
        const tag = conditionalGet(request, response, [
          spec.id,
          scope,
          format,
          canonicalJson(query),
          version,
        ]);
        if (tag.fresh) return;
        const answer = await answers.get(tag.etag, async () => {
          const body = await asDeliveryHttp(() => handler(session, query));
          return encodeAnswer(renderedAs(format, body, csv), tag.coding);
        });
        sendEncoded(response, tag.etag, answer);
      });
    }
  }

  add(DELIVERY_ENDPOINTS.summary, (session, query) => session.summary(query));
  add(DELIVERY_ENDPOINTS.deploymentFrequency, (session, query) => session.deploymentFrequency(query));
  add(DELIVERY_ENDPOINTS.leadTime, (session, query) => session.leadTime(query));
  add(DELIVERY_ENDPOINTS.changeFailureRate, (session, query) => session.changeFailureRate(query));
  add(DELIVERY_ENDPOINTS.deploymentFailureRate, (session, query) => session.deploymentFailureRate(query));
  add(DELIVERY_ENDPOINTS.recoveryTime, (session, query) => session.recoveryTime(query));
  add(DELIVERY_ENDPOINTS.reworkRate, (session, query) => session.reworkRate(query));
  add(DELIVERY_ENDPOINTS.trend, (session, query) => session.trend(query));
  add(
    DELIVERY_ENDPOINTS.deployments,
    (session, query) => session.deployments(query),
    csvOf(DELIVERY_DEPLOYMENTS_CSV),
  );
  add(DELIVERY_ENDPOINTS.changes, (session, query) => session.changes(query), csvOf(DELIVERY_CHANGES_CSV));
  add(
    DELIVERY_ENDPOINTS.incidents,
    (session, query) => session.incidents(query),
    csvOf(DELIVERY_INCIDENTS_CSV),
  );

  const missing = Object.values(DELIVERY_ENDPOINTS).filter((spec) => !registered.has(spec));
  if (missing.length > 0)
    throw new Error(`Delivery endpoints without a route: ${missing.map((spec) => spec.id).join(', ')}`);
  return router;
}
