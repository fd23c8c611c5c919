/**
 * Every flow endpoint as data: path, methods, request and response schemas. The router registers from
 * this table and the OpenAPI document is generated from it, so the two cannot drift apart.
 */
import type { z } from 'zod';
import {
  agingResponseSchema,
  cumulativeFlowResponseSchema,
  cycleTimeHistogramResponseSchema,
  cycleTimeResponseSchema,
  cycleTimeTrendResponseSchema,
  dataQualityResponseSchema,
  flowEfficiencyResponseSchema,
  flowItemsQuerySchema,
  flowQuerySchema,
  flowSummaryResponseSchema,
  howManyQuerySchema,
  howManyResponseSchema,
  leadTimeResponseSchema,
  serviceLevelsResponseSchema,
  sprintForecastQuerySchema,
  sprintForecastResponseSchema,
  throughputResponseSchema,
  whenQuerySchema,
  whenResponseSchema,
  wipResponseSchema,
} from '../../contract/index.ts';

export const TEAM_PATH = '/organizations/:organization/projects/:project/teams/:team';

export interface FlowEndpoint<
  Query extends z.ZodObject = z.ZodObject,
  Response extends z.ZodType = z.ZodType,
> {
  /** Name in the OpenAPI document (operationId) and in ETags. */
  id: string;
  /** Below TEAM_PATH. */
  path: string;
  methods: readonly ('get' | 'post')[];
  summary: string;
  description: string;
  query: Query;
  response: Response;
  /** Also answers text/csv (item rows). */
  csv: boolean;
  /** Schema name of the response in the OpenAPI document. */
  responseName: string;
}

function endpoint<Query extends z.ZodObject, Response extends z.ZodType>(
  spec: Omit<FlowEndpoint<Query, Response>, 'methods' | 'csv'> &
    Partial<Pick<FlowEndpoint, 'methods' | 'csv'>>,
): FlowEndpoint<Query, Response> {
  return { methods: ['get'], csv: false, ...spec };
}

const RANGE =
  "Dates are inclusive calendar days in the time zone in effect; items are the team's (area paths and backlog " +
  'types, or the types in its settings) minus removed and deleted ones, then the filters.';

export const FLOW_ENDPOINTS = {
  cycleTime: endpoint({
    id: 'getCycleTime',
    path: '/flow/cycle-time',
    summary: 'Cycle time of the items completed in the range',
    description: `day(completion) − day(start) + 1, with nearest-rank percentile lines. ${RANGE}`,
    query: flowItemsQuerySchema,
    response: cycleTimeResponseSchema,
    responseName: 'CycleTimeResponse',
    csv: true,
  }),
  leadTime: endpoint({
    id: 'getLeadTime',
    path: '/flow/lead-time',
    summary: 'Lead time of the items completed in the range',
    description: `day(completion) − day(created) + 1, with percentile lines. ${RANGE}`,
    query: flowItemsQuerySchema,
    response: leadTimeResponseSchema,
    responseName: 'LeadTimeResponse',
    csv: true,
  }),
  throughput: endpoint({
    id: 'getThroughput',
    path: '/flow/throughput',
    summary: 'Items completed per day, week and sprint, with a run-chart band',
    description: RANGE,
    query: flowQuerySchema,
    response: throughputResponseSchema,
    responseName: 'ThroughputResponse',
  }),
  wip: endpoint({
    id: 'getWip',
    path: '/flow/wip',
    summary: 'Work in progress at the end of each day, and arrivals (starts) per day',
    description: RANGE,
    query: flowQuerySchema,
    response: wipResponseSchema,
    responseName: 'WipResponse',
  }),
  aging: endpoint({
    id: 'getAging',
    path: '/flow/aging',
    summary: 'Items in progress with their age, zone and pace against cycle-time percentiles',
    description: `As of the end of "basis" (default "to"); lines from items completed in the team's lookback window. ${RANGE}`,
    query: flowItemsQuerySchema,
    response: agingResponseSchema,
    responseName: 'AgingResponse',
    csv: true,
  }),
  serviceLevels: endpoint({
    id: 'getServiceLevels',
    path: '/flow/service-levels',
    summary: 'Service level expectations: "p% of items finish within N days"',
    description: `For each requested percentile, from the lookback window ending on "basis". ${RANGE}`,
    query: flowQuerySchema,
    response: serviceLevelsResponseSchema,
    responseName: 'ServiceLevelsResponse',
  }),
  cumulativeFlow: endpoint({
    id: 'getCumulativeFlow',
    path: '/flow/cumulative-flow',
    summary: 'Items per state category, state and board column at the end of each day',
    description: RANGE,
    query: flowQuerySchema,
    response: cumulativeFlowResponseSchema,
    responseName: 'CumulativeFlowResponse',
  }),
  flowEfficiency: endpoint({
    id: 'getFlowEfficiency',
    path: '/flow/flow-efficiency',
    summary: "Active time ÷ (active + waiting time) with the team's waiting states",
    description: RANGE,
    query: flowQuerySchema,
    response: flowEfficiencyResponseSchema,
    responseName: 'FlowEfficiencyResponse',
  }),
  cycleTimeHistogram: endpoint({
    id: 'getCycleTimeHistogram',
    path: '/flow/cycle-time-histogram',
    summary: 'How many items took each number of days',
    description: RANGE,
    query: flowQuerySchema,
    response: cycleTimeHistogramResponseSchema,
    responseName: 'CycleTimeHistogramResponse',
  }),
  cycleTimeTrend: endpoint({
    id: 'getCycleTimeTrend',
    path: '/flow/cycle-time-trend',
    summary: 'Moving average of cycle time with a standard-deviation band (the Azure DevOps widget)',
    description: RANGE,
    query: flowQuerySchema,
    response: cycleTimeTrendResponseSchema,
    responseName: 'CycleTimeTrendResponse',
  }),
  dataQuality: endpoint({
    id: 'getDataQuality',
    path: '/flow/data-quality',
    summary: 'Items whose history looks odd, with each flag and the state history behind it',
    description: RANGE,
    query: flowItemsQuerySchema,
    response: dataQualityResponseSchema,
    responseName: 'DataQualityResponse',
    csv: true,
  }),
  summary: endpoint({
    id: 'getFlowSummary',
    path: '/flow/summary',
    summary: 'Every flow metric of the range at once',
    description: `Each section is what its own endpoint answers. ${RANGE}`,
    query: flowQuerySchema,
    response: flowSummaryResponseSchema,
    responseName: 'FlowSummaryResponse',
  }),
  howMany: endpoint({
    id: 'forecastHowMany',
    path: '/flow/forecast/how-many',
    methods: ['get', 'post'],
    summary: 'How many items will be done by a date (Monte Carlo)',
    description:
      'Parameters as a query string (GET) or a JSON body (POST). Seeded: the same request repeats its answer.',
    query: howManyQuerySchema,
    response: howManyResponseSchema,
    responseName: 'HowManyForecastResponse',
  }),
  when: endpoint({
    id: 'forecastWhen',
    path: '/flow/forecast/when',
    methods: ['get', 'post'],
    summary: 'When will K items be done (Monte Carlo)',
    description:
      'Parameters as a query string (GET) or a JSON body (POST). Seeded: the same request repeats its answer.',
    query: whenQuerySchema,
    response: whenResponseSchema,
    responseName: 'WhenForecastResponse',
  }),
  sprint: endpoint({
    id: 'forecastSprint',
    path: '/flow/forecast/sprint',
    methods: ['get', 'post'],
    summary: 'How many more items the current sprint will finish (Monte Carlo)',
    description:
      'The sprint is the team iteration that includes the first forecast day; 404 no_current_sprint when none does.',
    query: sprintForecastQuerySchema,
    response: sprintForecastResponseSchema,
    responseName: 'SprintForecastResponse',
  }),
} satisfies Record<string, FlowEndpoint>;

export type FlowEndpointName = keyof typeof FLOW_ENDPOINTS;
