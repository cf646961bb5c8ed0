/**
 * The one place the commands meet the process: arguments, output, exit code. Every error becomes
 * a plain message with its stable code (and, for bad legacy data, every problem), never a stack
 * trace; only an error with no code (a bug) says "unexpected" and points at DEBUG=1 for the trace.
 */
import { describeProblem, isMigrationError, MigrationError } from '../errors';

export interface Io {
  out(line: string): void;
  err(line: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

export type Command = (args: readonly string[], io: Io) => Promise<number>;

export async function runCommand(command: Command, args: readonly string[], io: Io): Promise<number> {
  try {
    return await command(args, io);
  } catch (error) {
    if (isMigrationError(error)) {
      io.err(`${error.code}: ${error.message}`);
      for (const problem of error.problems) io.err(`  - ${describeProblem(problem)}`);
      return 1;
    }
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && error instanceof Error) {
      io.err(`${code}: ${error.message}`);
      return 1;
    }
    io.err(`unexpected error: ${error instanceof Error ? error.message : String(error)}${io.env.DEBUG ? `\n${(error as Error).stack}` : ' (DEBUG=1 shows where)'}`);
    return 1;
  }
}

export function runCli(command: Command): void {
  const io: Io = { out: (line) => console.log(line), err: (line) => console.error(line), env: process.env, cwd: process.cwd() };
  void runCommand(command, process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
    // Commands close what they open; should a driver still hold a handle, it must not keep a
    // finished command alive. (exitCode first, so output already written is flushed normally.)
    setTimeout(() => process.exit(code), 2000).unref();
  });
}

/** node:util's parseArgs, with its refusals as BAD_ARGUMENTS and the usage appended. */
export async function parseCommandArgs<T>(parse: () => T, usage: string): Promise<T> {
  try {
    return parse();
  } catch (error) {
    throw new MigrationError('BAD_ARGUMENTS', `${(error as Error).message}\n${usage}`);
  }
}
