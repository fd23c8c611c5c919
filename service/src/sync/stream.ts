import type { AdoConnection } from '../ado/clients.ts';
import type { Logger } from '../logger.ts';
import type { SeikaRepository } from '../storage/repository.ts';
import type { StreamProgress } from './progress.ts';

export interface StreamContext {
  organization: string;
  connection: AdoConnection;
  repository: SeikaRepository;
  logger: Logger;
  progress: StreamProgress;
  maxPageSize?: number;
}

export interface StreamResult {
  pages: number;
  items: number;
}

/** One independent thing to copy (revisions, metadata, builds …); streams of an organization run concurrently. */
export interface SyncStream {
  readonly name: string;
  run(context: StreamContext): Promise<StreamResult>;
}
