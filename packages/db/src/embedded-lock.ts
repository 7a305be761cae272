import fs from 'node:fs';

/** The embedded database's folder is already open in another live process. */
export class DatabaseInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `the embedded database in ${dataDir} is in use by process ${pid} (a running "yawar serve"?). ` +
        'Stop that process, or use PostgreSQL (DATABASE_URL) to share a database between processes.',
    );
    this.name = 'DatabaseInUseError';
  }
}

/**
 * PGlite is a single-process engine: two processes on one data folder corrupt it. A lock file
 * beside the folder (`<dataDir>.lock`, holding the owner's PID) turns that into a clear error.
 * A lock left by a process that no longer exists is taken over. Returns the release function.
 */
export function lockEmbeddedDatabase(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  const mine = String(process.pid);
  for (;;) {
    try {
      fs.writeFileSync(lockFile, mine, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner))
        throw new DatabaseInUseError(dataDir, owner);
      fs.rmSync(lockFile, { force: true }); // stale: its process is gone
    }
  }
  const release = () => {
    try {
      if (fs.readFileSync(lockFile, 'utf8').trim() === mine) fs.rmSync(lockFile, { force: true });
    } catch {
      // already gone
    }
    process.off('exit', release);
  };
  process.on('exit', release);
  return release;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
