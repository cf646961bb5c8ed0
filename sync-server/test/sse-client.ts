/** Test helper: a fetch-based Server-Sent-Events reader, as browser clients use with a Bearer header. */
export interface SseConnection {
  readonly status: number;
  readonly headers: Headers;
  /** A refused stream's JSON answer (status not 200); undefined for a stream. */
  readonly body: unknown;
  readonly events: unknown[];
  /** Resolves with the first event (after `from`) that satisfies the predicate. */
  next(predicate: (event: unknown) => boolean, ms?: number): Promise<unknown>;
  readonly ended: Promise<void>;
  close(): void;
}

export async function openStream(url: string, token?: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) }, signal: controller.signal });
  const body: unknown = response.status === 200 ? undefined : await response.json();
  const events: unknown[] = [];
  const waiters = new Set<() => void>();
  let buffer = '';
  const ended = (async () => {
    if (!response.body || body !== undefined) return;
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice(6))
            .join('\n');
          if (data) events.push(JSON.parse(data));
          for (const wake of [...waiters]) wake();
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    status: response.status,
    headers: response.headers,
    body,
    events,
    ended,
    close: () => controller.abort(),
    next(predicate, ms = 5000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const found = events.find(predicate);
          if (found === undefined) return false;
          waiters.delete(wake);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const wake = (): void => void check();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`no matching event in ${ms} ms; got ${JSON.stringify(events).slice(0, 500)}`));
        }, ms);
        waiters.add(wake);
        check();
      });
    },
  };
}

export interface ChangeEvent {
  readonly collection: string;
  readonly documents: Array<Record<string, unknown> & { id: string }>;
  readonly checkpoint: string;
}

export const isChange =
  (collection: string, test: (doc: Record<string, unknown>) => boolean = () => true) =>
  (event: unknown): boolean =>
    typeof event === 'object' && event !== null && (event as ChangeEvent).collection === collection && (event as ChangeEvent).documents.some(test);

/**
 * A live stream read as raw text, to see exactly what ends it: 'ended' when the server closed it
 * cleanly, 'cut' when the connection broke (the shutdown tests).
 */
export async function readRawStream(url: string, token?: string): Promise<{ text: () => string; ended: Promise<'ended' | 'cut'> }> {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  let text = '';
  const decoder = new TextDecoder();
  const ended = (async () => {
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) text += decoder.decode(chunk, { stream: true });
      return 'ended' as const;
    } catch {
      return 'cut' as const;
    }
  })();
  return { text: () => text, ended };
}
