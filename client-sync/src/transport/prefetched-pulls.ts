/**
 * First pulls started before the replication exists (the shop's first screen, before RxDB has
 * loaded), then handed to it, so a fresh device downloads each first page once: the app shows
 * the page's documents at once, and the replication continues from that page's checkpoint. Only
 * for anonymous pulls from the start (no checkpoint); not a cache: each answer is given once.
 */
import type { SyncTransport } from './create-http-transport';
import type { PullAnswer } from './sync-protocol';

export interface PrefetchedPulls {
  /** The transport's base URL they were pulled from: another server's replication ignores them. */
  readonly baseUrl: string;
  /** Documents asked for per collection. */
  readonly limit: number;
  /** Each collection's first page (checkpoint undefined), in flight or answered. */
  readonly answers: ReadonlyMap<string, Promise<PullAnswer>>;
}

/** Starts the first page of each collection now, anonymously, with the transport given. */
export function prefetchPulls(transport: SyncTransport, collections: readonly string[], limit: number): PrefetchedPulls {
  const answers = new Map(collections.map((name) => [name, transport.pull(name, undefined, limit)] as const));
  // Whoever reads an answer sees its failure; one nobody reads must not be an unhandled rejection.
  for (const answer of answers.values()) answer.catch(() => undefined);
  return { baseUrl: transport.baseUrl, limit, answers };
}

/**
 * The transport, with each collection's first pull from the start answered by its prefetched page
 * once (when at least as many documents are asked for). A failed prefetch is pulled again.
 */
export function withPrefetchedPulls(transport: SyncTransport, prefetched: PrefetchedPulls | undefined): SyncTransport {
  if (!prefetched || prefetched.baseUrl !== transport.baseUrl) return transport;
  const unused = new Map(prefetched.answers);
  return {
    baseUrl: transport.baseUrl,
    push: (collection, rows) => transport.push(collection, rows),
    async pull(collection, checkpoint, limit) {
      const answer = checkpoint === undefined && limit >= prefetched.limit ? unused.get(collection) : undefined;
      if (!answer) return transport.pull(collection, checkpoint, limit);
      unused.delete(collection);
      return answer.catch(() => transport.pull(collection, checkpoint, limit));
    },
  };
}
