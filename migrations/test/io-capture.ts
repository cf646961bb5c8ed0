/** Test helper: an Io that keeps what a command prints, with the environment the test gives it. */
import type { Io } from '../src/cli/run-cli';

export interface CapturedIo extends Io {
  readonly lines: string[];
  readonly errors: string[];
  text(): string;
}

export function captureIo(env: Record<string, string | undefined>, cwd = process.cwd()): CapturedIo {
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    lines,
    errors,
    env,
    cwd,
    out: (line) => lines.push(line),
    err: (line) => errors.push(line),
    text: () => [...lines, ...errors].join('\n'),
  };
}
