import { describe, expect, it } from 'vitest';
import { createStdoutDestination } from './stdout-destination';

const failing = (code: string) => Object.assign(new Error(code), { code });

describe('the log destination', () => {
  it('writes each line whole', () => {
    const written: string[] = [];
    const destination = createStdoutDestination(1, (_fd, text) => (written.push(text), Buffer.byteLength(text)));
    destination.write('{"msg":"one"}\n');
    destination.write('{"msg":"दो"}\n');
    expect(written).toEqual(['{"msg":"one"}\n', '{"msg":"दो"}\n']);
  });

  it('stops writing, at once and for good, when the reader has gone (EPIPE), instead of retrying without end', () => {
    let calls = 0;
    const destination = createStdoutDestination(1, () => {
      calls++;
      throw failing('EPIPE');
    });
    const started = Date.now();
    destination.write('a line\n');
    destination.write('another\n');
    expect(Date.now() - started).toBeLessThan(100);
    expect(calls).toBe(1);
    expect(destination.broken).toBe(true);
  });

  it('waits briefly for a full pipe and writes the rest of a partly written line', () => {
    const attempts: string[] = [];
    const destination = createStdoutDestination(1, (_fd, text) => {
      attempts.push(text);
      if (attempts.length === 1) throw failing('EAGAIN');
      if (attempts.length === 2) return 3;
      return Buffer.byteLength(text);
    });
    destination.write('abcdef\n');
    expect(attempts).toEqual(['abcdef\n', 'abcdef\n', 'def\n']);
    expect(destination.broken).toBe(false);
  });

  it('drops a line after a second of a pipe nobody empties, and keeps trying later lines', () => {
    let full = true;
    const destination = createStdoutDestination(1, (_fd, text) => {
      if (full) throw failing('EAGAIN');
      return Buffer.byteLength(text);
    });
    const started = Date.now();
    destination.write('stuck\n');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeLessThan(3000);
    full = false;
    expect(destination.broken).toBe(false);
  });
});
