import type { Request, Response } from 'express';
import { Router } from 'express';
import type { z } from 'zod';
import type { FlowResponseMeta } from '../../contract/index.ts';
import { canonicalJson } from '../../services/requestKey.ts';
import type { FlowService, FlowSession } from '../../services/flow/service.ts';
import { sendCsv } from '../csv.ts';
import type { CsvExport } from './csvExports.ts';
import { AGING_CSV, CYCLE_TIME_CSV, DATA_QUALITY_CSV, LEAD_TIME_CSV, renderCsv } from './csvExports.ts';
import { conditionalGet, createAnswerCache, encodeAnswer, renderedAs, sendEncoded } from '../caching.ts';
import type { FlowEndpoint } from './endpoints.ts';
import { FLOW_ENDPOINTS, TEAM_PATH } from './endpoints.ts';
import { asHttp, parseParameters, parseTeamPath, responseFormat, textField } from '../params.ts';

export { TEAM_PATH } from './endpoints.ts';

type CsvRenderer<R> = (body: R) => { filename: string; body: string };

function csvOf<R extends FlowResponseMeta, Row>(exported: CsvExport<R, Row>): CsvRenderer<R> {
  return (body) => renderCsv(exported, body);
}

/**
 * Parses and validates requests, answers 304 when the client's ETag is current (before any data is
 * loaded), then delegates; no metric logic here.
 */
export function createFlowRouter(flowService: FlowService): Router {
  const router = Router();
  const registered = new Set<FlowEndpoint>();
  const answers = createAnswerCache();

  function add<Q extends z.ZodObject, R>(
    spec: FlowEndpoint<Q>,
    handler: (session: FlowSession, query: z.output<Q>) => Promise<R>,
    csv?: CsvRenderer<R>,
  ): void {
    if (spec.csv !== (csv !== undefined)) throw new Error(`CSV export of ${spec.id} does not match its spec`);
    registered.add(spec);
    for (const method of spec.methods) {
      router[method](`${TEAM_PATH}${spec.path}`, async (request: Request, response: Response) => {
        const path = parseTeamPath(request.params);
        const source = method === 'get' ? 'query' : 'body';
        const query = parseParameters(spec.query, method === 'get' ? request.query : request.body, source);
        const format = responseFormat(request, textField(query, 'format'), spec.csv);
        const session = await flowService.open(path);
        const version = session.versionKey(textField(query, 'timeZone'));
        // Only GET answers are cacheable; a POSTed forecast is answered afresh.
        if (method !== 'get') {
          const body = await asHttp(() => handler(session, query));
          if (format === 'csv' && csv !== undefined) sendCsv(response, csv(body));
          else response.json(body);
          return;
        }
        const tag = conditionalGet(request, response, [spec.id, format, canonicalJson(query), version]);
        if (tag.fresh) return;
        const answer = await answers.get(tag.etag, async () => {
          const body = await asHttp(() => handler(session, query));
          return encodeAnswer(renderedAs(format, body, csv), tag.coding);
        });
        sendEncoded(response, tag.etag, answer);
      });
    }
  }

  add(FLOW_ENDPOINTS.cycleTime, (session, query) => session.cycleTime(query), csvOf(CYCLE_TIME_CSV));
  add(FLOW_ENDPOINTS.leadTime, (session, query) => session.leadTime(query), csvOf(LEAD_TIME_CSV));
  add(FLOW_ENDPOINTS.throughput, (session, query) => session.throughput(query));
  add(FLOW_ENDPOINTS.wip, (session, query) => session.wip(query));
  add(FLOW_ENDPOINTS.aging, (session, query) => session.aging(query), csvOf(AGING_CSV));
  add(FLOW_ENDPOINTS.serviceLevels, (session, query) => session.serviceLevels(query));
  add(FLOW_ENDPOINTS.cumulativeFlow, (session, query) => session.cumulativeFlow(query));
  add(FLOW_ENDPOINTS.flowEfficiency, (session, query) => session.flowEfficiency(query));
  add(FLOW_ENDPOINTS.cycleTimeHistogram, (session, query) => session.cycleTimeHistogram(query));
  add(FLOW_ENDPOINTS.cycleTimeTrend, (session, query) => session.cycleTimeTrend(query));
  add(FLOW_ENDPOINTS.dataQuality, (session, query) => session.dataQuality(query), csvOf(DATA_QUALITY_CSV));
  add(FLOW_ENDPOINTS.summary, (session, query) => session.summary(query));
  add(FLOW_ENDPOINTS.howMany, (session, query) => session.howMany(query));
  add(FLOW_ENDPOINTS.when, (session, query) => session.when(query));
  add(FLOW_ENDPOINTS.sprint, (session, query) => session.sprint(query));

  const missing = Object.values(FLOW_ENDPOINTS).filter((spec) => !registered.has(spec));
  if (missing.length > 0)
    throw new Error(`Flow endpoints without a route: ${missing.map((spec) => spec.id).join(', ')}`);
  return router;
}
