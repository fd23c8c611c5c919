import type { HelpContent } from '../topics.ts';
import { administrationHelp } from './administration.ts';
import { deliveryHelp } from './delivery.ts';
import { flowHelp } from './flow.ts';
import { targetsHelp } from './targets.ts';

export const helpEn: HelpContent = { ...flowHelp, ...deliveryHelp, ...targetsHelp, ...administrationHelp };
