/** Entry point of `npm run verify`: see verify-command.ts. */
import { verifyCommand } from './verify-command';
import { runCli } from './run-cli';

runCli(verifyCommand);
