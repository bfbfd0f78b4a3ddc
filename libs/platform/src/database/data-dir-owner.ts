import { readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Which process started the embedded PostgreSQL of a DATA_DIR. PostgreSQL's own postmaster.pid
 * says the server runs, not whether the process that owns it does: after a `kill -9` of
 * `npm start` the server keeps running as an orphan. This file tells the two cases apart.
 */
export interface DataDirOwner {
  pid: number;
  /** The process's start time as the kernel counts it (/proc/<pid>/stat), so a reused pid is not taken for the owner; null where there is no /proc. */
  startTime: string | null;
  since: string;
}

const FILE = 'embedded-postgres.owner';

/** A process's start time from /proc/<pid>/stat (field 22), or null where unavailable. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** The parent of a process from /proc/<pid>/stat (field 4), or null where unavailable. */
export function parentPid(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) || null;
  } catch {
    return null;
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

/** The owner is alive: its pid runs and, where the kernel tells, started when the owner did. */
export function isOwnerAlive(owner: DataDirOwner): boolean {
  if (!isProcessAlive(owner.pid)) return false;
  const now = processStartTime(owner.pid);
  return owner.startTime === null || now === null || now === owner.startTime;
}

export async function readOwner(dataDir: string): Promise<DataDirOwner | null> {
  try {
    const owner = JSON.parse(await readFile(join(dataDir, FILE), 'utf8')) as DataDirOwner;
    return Number.isInteger(owner.pid) && owner.pid > 0 ? owner : null;
  } catch {
    return null; // absent, or half-written by a crash: no owner
  }
}

export async function claimOwnership(dataDir: string): Promise<void> {
  const owner: DataDirOwner = { pid: process.pid, startTime: processStartTime(process.pid), since: new Date().toISOString() };
  await writeFile(join(dataDir, FILE), JSON.stringify(owner) + '\n', { mode: 0o644 });
}

/** Removes the file if this process still owns the folder. */
export async function releaseOwnership(dataDir: string): Promise<void> {
  const owner = await readOwner(dataDir);
  if (owner?.pid === process.pid) await rm(join(dataDir, FILE), { force: true });
}
