/** Entry point of `npm run backup`: see backup-command.ts. */
import { backupCommand } from './backup-command';
import { runCli } from './run-cli';

runCli(backupCommand);
