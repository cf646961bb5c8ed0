/**
 * The Server-Sent-Events line protocol as a pure function: feed it the previous state and the next
 * decoded chunk, get back the completed events' `data` and the new state. Handles events and lines
 * split across chunks, CRLF/CR/LF line ends, comments (`: ping`), multi-line data and `retry:`.
 * Knows nothing about fetch or about what the data means.
 */

export interface EventStreamState {
  /** The unfinished last line of what has been read so far. */
  readonly pending: string;
  /** The `data:` lines of the event being read, not yet ended by a blank line. */
  readonly dataLines: readonly string[];
}

export interface ParsedChunk {
  readonly state: EventStreamState;
  /** The `data` of every event this chunk completed, in order (lines joined with "\n"). */
  readonly data: readonly string[];
  /** The last `retry:` the chunk carried: the server's reconnection delay in ms. */
  readonly retryMs?: number;
}

export const initialEventStreamState: EventStreamState = { pending: '', dataLines: [] };

export function parseEventStreamChunk(state: EventStreamState, chunk: string): ParsedChunk {
  let text = state.pending + chunk;
  // A CR at the very end may be the first half of a CRLF: wait for the next chunk to know.
  const heldBack = text.endsWith('\r') ? '\r' : '';
  if (heldBack) text = text.slice(0, -1);
  const lines = text.split(/\r\n|\r|\n/);
  const pending = lines.pop()! + heldBack;

  const data: string[] = [];
  let dataLines = [...state.dataLines];
  let retryMs: number | undefined;
  for (const line of lines) {
    if (line === '') {
      // A blank line ends the event; one without data lines is dispatched as nothing (spec).
      if (dataLines.length > 0) data.push(dataLines.join('\n'));
      dataLines = [];
      continue;
    }
    if (line.startsWith(':')) continue; // a comment, e.g. the server's `: ping` heartbeat
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') dataLines.push(value);
    else if (field === 'retry' && /^\d+$/.test(value)) retryMs = Number(value);
    // `event:` and `id:` are not used by this protocol: every event is a message and
    // reconnection always starts over with RESYNC, so no Last-Event-ID is needed.
  }
  return { state: { pending, dataLines }, data, ...(retryMs === undefined ? {} : { retryMs }) };
}
