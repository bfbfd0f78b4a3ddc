import 'reflect-metadata';
import { withLogAndTables } from './with-log-and-tables.js';
import { ALL_PROJECTIONS } from '#read-models';
import { rebuildProjections } from './rebuild-projections.js';

/**
 * npm run projections:rebuild -- <name>|--all
 * Replays the whole log into a projection's tables in one transaction; the running system
 * keeps serving the old rows until it commits. Works beside a running `npm start`.
 * An event a projection cannot apply stops it: the event is named and the exit code is 1.
 */
async function main(): Promise<void> {
  const names = process.argv.slice(2);
  const known = ALL_PROJECTIONS.map((p) => p.name);
  const chosen = names.includes('--all') ? ALL_PROJECTIONS : ALL_PROJECTIONS.filter((p) => names.includes(p.name));
  const unknown = names.filter((n) => n !== '--all' && !known.includes(n));
  if (!chosen.length || unknown.length) {
    console.error(`${unknown.length ? `Unknown projection: ${unknown.join(', ')}\n` : ''}Usage: npm run projections:rebuild -- <name>|--all\nProjections: ${known.join(', ')}`);
    process.exit(2);
  }
  await withLogAndTables('rebuild', (store, ds) => rebuildProjections(store, ds, chosen, { log: (line) => console.log(line), error: (line) => console.error(line) }));
}

void main();
