/**
 * One process at a time in a PGlite data directory. PGlite is PostgreSQL in
 * one process with no lock of its own: a second process opening the same
 * directory (`editor-token create` while `serve` runs) would write the same
 * files unseen and could corrupt them. A lock file inside the directory holds
 * the owner's pid; one left by a process that no longer runs (killed, power
 * lost) is taken over. With PostgreSQL (`--database-url`) none is needed.
 */
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseConfig } from './config.js';
import type { OpenedStorage, StorageOpener } from './serve.js';

export const LOCK_FILE = 'plaudit-server.lock';

/** Another live process holds the directory. */
export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';
  constructor(readonly dataDir: string, readonly pid: number) {
    super(
      `the data directory ${dataDir} is in use by process ${pid}: stop it first (PGlite allows one process at a time),` +
        ` or remove ${join(dataDir, LOCK_FILE)} if that process is not plaudit-server`,
    );
  }
}

/** Takes the directory (creating it) and returns the function that gives it back. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
    }
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    if (alive(pid)) throw new DataDirInUseError(dataDir, pid);
    rmSync(path, { force: true });
  }
}

function alive(pid: number): boolean {
  // Our own pid in the file is a previous life of this container's pid 1, say.
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `open`, with PGlite directories locked from before opening until after closing. */
export function withDataDirLock<S>(open: StorageOpener<S>): StorageOpener<S> {
  return async (database: DatabaseConfig): Promise<OpenedStorage<S>> => {
    if (database.databaseUrl !== null) return open(database);
    const release = lockDataDir(database.dataDir);
    let opened: OpenedStorage<S>;
    try {
      opened = await open(database);
    } catch (error) {
      release();
      throw error;
    }
    return {
      storage: opened.storage,
      close: async () => {
        try {
          await opened.close();
        } finally {
          release();
        }
      },
    };
  };
}
