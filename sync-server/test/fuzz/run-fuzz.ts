/**
 * Sends fuzz requests (fuzz-requests.ts) to a running server and checks every answer. Values are
 * drawn from a seeded generator, so a run can be repeated exactly; a few requests are in flight
 * at once. Used by fuzz.test.ts (a bounded run in `npm test`) and bench/fuzz.ts (the long run).
 */
import fc from 'fast-check';
import { checkAnswer, fuzzRequest, type AnswerChecks, type FuzzRequest } from './fuzz-requests';

export interface FuzzTarget {
  readonly url: string;
  readonly tokens: Readonly<Record<FuzzRequest['as'], string | undefined>>;
  readonly checks: AnswerChecks;
}

export interface FuzzReport {
  readonly cases: number;
  readonly byStatus: Readonly<Record<string, number>>;
  readonly problems: ReadonlyArray<{ readonly request: FuzzRequest; readonly problem: string }>;
}

const batch = 200;
const inFlight = 4;

export async function runFuzz(target: FuzzTarget, options: { readonly cases: number; readonly seed: number; readonly onProgress?: (done: number) => void }): Promise<FuzzReport> {
  const byStatus: Record<string, number> = {};
  const problems: Array<{ request: FuzzRequest; problem: string }> = [];
  let done = 0;
  for (let start = 0; start < options.cases; start += batch) {
    const requests = fc.sample(fuzzRequest, { numRuns: Math.min(batch, options.cases - start), seed: options.seed + start });
    let next = 0;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < requests.length) {
          const request = requests[next++]!;
          const { status, text } = await send(target, request);
          byStatus[status] = (byStatus[status] ?? 0) + 1;
          const problem = status === 0 ? `no answer: ${text}` : checkAnswer(request, status, text, target.checks);
          if (problem) problems.push({ request: { ...request, ...(request.body ? { body: request.body.slice(0, 300) } : {}) }, problem });
          done++;
        }
      }),
    );
    options.onProgress?.(done);
  }
  return { cases: done, byStatus, problems };
}

async function send(target: FuzzTarget, request: FuzzRequest): Promise<{ status: number; text: string }> {
  const token = target.tokens[request.as];
  const headers: Record<string, string> = { ...request.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) };
  try {
    const response = await fetch(`${target.url}${request.path}`, {
      method: request.method,
      headers,
      ...(request.body !== undefined && request.method !== 'GET' && request.method !== 'HEAD' ? { body: request.body } : {}),
      signal: AbortSignal.timeout(10_000),
    });
    // A live stream that opened is an answer too; its first bytes are enough.
    if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
      await response.body?.cancel();
      return { status: response.status, text: '' };
    }
    return { status: response.status, text: await response.text() };
  } catch (error) {
    return { status: 0, text: error instanceof Error ? error.message : String(error) };
  }
}
