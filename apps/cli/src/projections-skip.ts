import 'reflect-metadata';
import { withLogAndTables } from './with-log-and-tables.js';
import { ALL_PROJECTIONS } from '#read-models';
import { skipArguments, skipFromCli } from './skip-event.js';

/**
 * npm run projections:skip -- --projection <name> --event <event id> --reason <text>
 * Passes a projection over the one event it is stuck on, through the same function as
 * POST /api/operations/projections/:name/skips (recorded as done by the system). Works beside
 * a running `npm start`: its projector picks up from the new checkpoint at its next attempt.
 */
async function main(): Promise<void> {
  const known = ALL_PROJECTIONS.map((p) => p.name);
  const argv = process.argv.slice(2);
  const checked = skipArguments(argv, known);
  if ('usage' in checked) {
    console.error(checked.usage);
    process.exit(2);
  }
  await withLogAndTables('skip', (store, ds) => skipFromCli(store, ds, known, argv, { log: (line) => console.log(line), error: (line) => console.error(line) }));
}

void main();
