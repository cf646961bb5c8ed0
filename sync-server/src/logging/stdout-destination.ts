/**
 * Where log lines go: standard output, written synchronously (a line is out before the next
 * statement runs, as console.log writes to a pipe), and never a reason to hang. pino's own
 * destination (sonic-boom) retries a failed write in a busy loop without end when the reader has
 * gone (EPIPE: `npm start` or a supervisor stopped first), and does so again in its flush at exit:
 * a server told to stop was seen spinning a core for twenty minutes instead of exiting. Here a
 * full pipe is retried briefly, and a broken one ends logging, never the server.
 */
import { writeSync } from 'node:fs';
import type { DestinationStream } from 'pino';

/** How long a line may wait for a full pipe before it is dropped (a reader that stopped reading). */
const fullPipeWaitMs = 1000;

export interface StdoutDestination extends DestinationStream {
  /** Whether writing has stopped for good (the reader went away). */
  readonly broken: boolean;
}

export function createStdoutDestination(fd = 1, write: (fd: number, text: string) => number = writeSync): StdoutDestination {
  let broken = false;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  return {
    get broken() {
      return broken;
    },
    write(line: string) {
      if (broken) return;
      let text = line;
      const giveUpAt = Date.now() + fullPipeWaitMs;
      while (text.length > 0) {
        try {
          const written = write(fd, text);
          // writeSync counts bytes; a partial write of multi-byte text is rare enough to resend whole.
          text = written >= Buffer.byteLength(text) ? '' : Buffer.from(text).subarray(written).toString();
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if ((code === 'EAGAIN' || code === 'EBUSY') && Date.now() < giveUpAt) {
            Atomics.wait(pause, 0, 0, 5); // the pipe is full: let its reader catch up
            continue;
          }
          if (code !== 'EAGAIN' && code !== 'EBUSY') broken = true; // EPIPE, EBADF…: nobody reads any more
          return;
        }
      }
    },
  };
}
