/** Entry point of `npm run migrate`: see migrate-command.ts. */
import { migrateCommand } from './migrate-command';
import { runCli } from './run-cli';

runCli(migrateCommand);
