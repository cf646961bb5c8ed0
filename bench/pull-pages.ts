/**
 * A replica's pull of one collection to its end through the sync server, page after page, as the
 * benches read it: every document and the checkpoint to catch up from later.
 */
import { requestJson } from './request-json';

export interface PulledPages {
  readonly documents: Array<Record<string, any>>;
  readonly checkpoint: string | undefined;
}

export async function pullPages(
  serverUrl: string,
  options: { readonly limit: number; readonly collection?: string; readonly token?: string; readonly checkpoint?: string | undefined },
): Promise<PulledPages> {
  const documents: Array<Record<string, any>> = [];
  let checkpoint = options.checkpoint;
  for (;;) {
    const query = new URLSearchParams({ limit: String(options.limit), ...(checkpoint ? { checkpoint } : {}) });
    const page = await requestJson(`${serverUrl}/sync/${options.collection ?? 'products'}/pull?${query}`, options.token ? { token: options.token } : {});
    if (page.documents.length === 0) return { documents, checkpoint };
    documents.push(...page.documents);
    checkpoint = page.checkpoint;
  }
}
