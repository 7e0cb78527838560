/**
 * What `plaudit-server` does with its arguments: parse them (usage mistakes
 * exit 2), then run one command with the database it names. Kept apart from
 * `cli.ts`, the bin, so tests can call it in-process with their own streams
 * and storage.
 */
import { ConfigError, parseCommand } from './config.js';
import {
  createEditorToken,
  listEditorTokens,
  revokeEditorToken,
  type CommandIo,
  type EditorTokenStore,
} from './editor-token-commands.js';
import { serve, type ServedStorage, type StorageOpener } from './serve.js';
import { USAGE } from './usage.js';

export interface CliOptions extends CommandIo {
  env: Readonly<Record<string, string | undefined>>;
  openStorage: StorageOpener<ServedStorage & EditorTokenStore>;
  /** For `serve`: resolves when it should stop (default: SIGTERM/SIGINT). */
  stop?: Promise<unknown>;
}

/** Runs the command in `argv` (without `node` and the script) and resolves with the exit code. */
export async function runCli(argv: readonly string[], options: CliOptions): Promise<number> {
  const { stdout, stderr } = options;
  let command;
  try {
    command = parseCommand(argv, options.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    stderr.write(`plaudit-server: ${error.message} (see plaudit-server --help)\n`);
    return 2;
  }
  if (command.command === 'help') {
    stdout.write(USAGE);
    return 0;
  }
  if (command.command === 'serve') {
    return serve(command.config, { stdout, stderr, openStorage: options.openStorage, ...(options.stop ? { stop: options.stop } : {}) });
  }
  let opened;
  try {
    opened = await options.openStorage(command.database);
  } catch (error) {
    stderr.write(`plaudit-server: cannot open the database: ${messageOf(error)}\n`);
    return 1;
  }
  try {
    switch (command.command) {
      case 'editor-token create':
        return await createEditorToken(opened.storage, command.name, options);
      case 'editor-token list':
        return await listEditorTokens(opened.storage, command.json, options);
      case 'editor-token revoke':
        return await revokeEditorToken(opened.storage, command.target, options);
    }
  } catch (error) {
    stderr.write(`plaudit-server: ${command.command} failed: ${messageOf(error)}\n`);
    return 1;
  } finally {
    await opened.close();
  }
}

/** For the operator at a terminal (not the request log): the error's first line. */
function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
