/**
 * A replica's pull of one collection to its end through the sync server, page after page, as the
 * benches read it: every document and the checkpoint to catch up from later (pullPages), or each
 * page handed on and let go (walkPages), when keeping thousands of parsed documents on the
 * bench's side would add its garbage collection to the figures.
 */
import { requestJson } from './request-json';

export interface PulledPages {
  readonly documents: Array<Record<string, any>>;
  readonly checkpoint: string | undefined;
}

export interface PullPagesOptions {
  readonly limit: number;
  readonly collection?: string;
  readonly token?: string;
  readonly checkpoint?: string | undefined;
}

/** Pulls to the end, handing each page's documents to `visit`; resolves with the last checkpoint. */
export async function walkPages(serverUrl: string, options: PullPagesOptions, visit: (documents: Array<Record<string, any>>) => void): Promise<string | undefined> {
  let checkpoint = options.checkpoint;
  for (;;) {
    const query = new URLSearchParams({ limit: String(options.limit), ...(checkpoint ? { checkpoint } : {}) });
    const page = await requestJson(`${serverUrl}/sync/${options.collection ?? 'products'}/pull?${query}`, options.token ? { token: options.token } : {});
    if (page.documents.length === 0) return checkpoint;
    visit(page.documents);
    checkpoint = page.checkpoint;
  }
}

export async function pullPages(serverUrl: string, options: PullPagesOptions): Promise<PulledPages> {
  const documents: Array<Record<string, any>> = [];
  const checkpoint = await walkPages(serverUrl, options, (page) => documents.push(...page));
  return { documents, checkpoint };
}
