import { rm } from 'node:fs/promises';

export default async function globalTeardown() {
  const embedded = globalThis.__embeddedTestDb;
  if (!embedded) return;
  await embedded.server.stop();
  await rm(embedded.dataDir, { recursive: true, force: true });
}
