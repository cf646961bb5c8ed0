/** Entry point of `npm run restore`: see restore-command.ts. */
import { restoreCommand } from './restore-command';
import { runCli } from './run-cli';

runCli(restoreCommand);
