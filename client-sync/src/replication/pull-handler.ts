/**
 * RxDB's pull handler for one collection over the transport: a batch gathered from as many server
 * pages as it takes. RxDB takes a page shorter than the batch size as "nothing more", while the
 * server promises only that the *last* page is empty (a first sync may end a page early), so
 * pages are gathered until the batch is full or the server has nothing more.
 */
import type { SyncTransport } from '../transport/create-http-transport';
import type { ServerDocument } from '../transport/sync-protocol';

/** The opaque server checkpoint, wrapped: RxDB stacks checkpoints with Object.assign, so one must be an object. */
export interface PullCheckpoint {
  readonly checkpoint: string;
}

export interface PullHandlerOptions {
  readonly collection: string;
  readonly transport: SyncTransport;
  /** Wraps each pull (to report its failure); the handler's own errors propagate for RxDB to retry. */
  readonly report: <T>(run: () => Promise<T>) => Promise<T>;
  /** Documents of each page as it arrives. */
  readonly onPage?: (documents: number) => void;
}

/** Consecutive empty pages whose checkpoint still moved that one pull follows before handing back. */
const maxEmptyPagesPerPull = 10;

export function createPullHandler({ collection, transport, report, onPage }: PullHandlerOptions) {
  return async (last: PullCheckpoint | undefined, size: number): Promise<{ documents: ServerDocument[]; checkpoint: PullCheckpoint | undefined }> =>
    report(async () => {
      const documents: ServerDocument[] = [];
      let checkpoint = last?.checkpoint;
      let emptyPages = 0;
      while (documents.length < size && emptyPages < maxEmptyPagesPerPull) {
        const page = await transport.pull(collection, checkpoint, size - documents.length);
        const moved = page.checkpoint !== checkpoint;
        checkpoint = page.checkpoint;
        documents.push(...page.documents);
        if (page.documents.length > 0) onPage?.(page.documents.length);
        if (page.documents.length === 0) {
          if (!moved) break;
          emptyPages += 1;
        }
      }
      return { documents, checkpoint: checkpoint === undefined ? undefined : { checkpoint } };
    });
}
