/** The SSE line protocol: events and lines split anywhere, comments, line ends, multi-line data, retry. */
import { describe, expect, it } from 'vitest';
import { initialEventStreamState, parseEventStreamChunk, type EventStreamState } from './parse-event-stream-chunk';

/** Feeds the chunks in order and collects every completed event's data and the last retry. */
function parseAll(chunks: readonly string[]): { data: string[]; retryMs: number | undefined; state: EventStreamState } {
  let state = initialEventStreamState;
  const data: string[] = [];
  let retryMs: number | undefined;
  for (const chunk of chunks) {
    const parsed = parseEventStreamChunk(state, chunk);
    state = parsed.state;
    data.push(...parsed.data);
    retryMs = parsed.retryMs ?? retryMs;
  }
  return { data, retryMs, state };
}

const stream = 'data: "RESYNC"\n\n: ping\n\ndata: {"collection":"products","documents":[],"checkpoint":"c1"}\n\n';

describe('parseEventStreamChunk', () => {
  it('reads whole events from one chunk', () => {
    expect(parseAll([stream]).data).toEqual(['"RESYNC"', '{"collection":"products","documents":[],"checkpoint":"c1"}']);
  });

  it('gives the same events however the bytes are split', () => {
    const whole = parseAll([stream]).data;
    for (let size = 1; size <= 7; size++) {
      const chunks = stream.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g'))!;
      expect(parseAll(chunks).data).toEqual(whole);
    }
  });

  it('keeps an unfinished event until its blank line arrives', () => {
    const first = parseEventStreamChunk(initialEventStreamState, 'data: "RESYNC"\n');
    expect(first.data).toEqual([]);
    expect(parseEventStreamChunk(first.state, '\n').data).toEqual(['"RESYNC"']);
  });

  it('ignores comments such as the heartbeat, and blank events', () => {
    expect(parseAll([': ping\n\n', '\n\n', ':\n\n']).data).toEqual([]);
  });

  it('accepts CRLF and CR line ends, even with a CRLF split between chunks', () => {
    expect(parseAll(['data: a\r\n\r\n', 'data: b\r\rdata: c\n\n']).data).toEqual(['a', 'b', 'c']);
    expect(parseAll(['data: a\r', '\n\r', '\n']).data).toEqual(['a']);
  });

  it('joins several data lines of one event with a newline', () => {
    expect(parseAll(['data: {"a":\ndata: 1}\n\n']).data).toEqual(['{"a":\n1}']);
  });

  it('takes data without the optional space after the colon', () => {
    expect(parseAll(['data:x\n\n', 'data:  two spaces\n\n']).data).toEqual(['x', ' two spaces']);
  });

  it('reports the server retry delay and ignores a malformed one', () => {
    expect(parseAll(['retry: 3000\n\n']).retryMs).toBe(3000);
    expect(parseAll(['retry: soon\n\n']).retryMs).toBeUndefined();
  });

  it('ignores event and id fields', () => {
    expect(parseAll(['event: message\nid: 7\ndata: x\n\n']).data).toEqual(['x']);
  });
});
