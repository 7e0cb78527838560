/**
 * The `plaudit-server` bin. See `usage.ts` for the commands and options, or
 * run `plaudit-server --help`.
 */
import { withDataDirLock } from './data-dir-lock.js';
import { runCli } from './run-cli.js';
import { openStorage } from './sql/open-storage.js';

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  openStorage: withDataDirLock((database) =>
    openStorage(database.databaseUrl !== null ? { databaseUrl: database.databaseUrl } : { dataDir: database.dataDir }),
  ),
});
// PGlite and pg may hold timers or sockets a moment longer; the work is done.
process.exit(code);
