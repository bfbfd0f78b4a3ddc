import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR } from '#commands';
import type { EventStore } from '#event-store';
import { SkipRefused, skipProjectionEvent } from '#projections';
import type { DataSource } from 'typeorm';
import type { Output } from './rebuild-projections.js';

export const SKIP_USAGE = `Usage: npm run projections:skip -- --projection <name> --event <event id> --reason <text>
Skips for good the one event a projection is stuck on (failure.event.id in GET /api/operations/projections).`;

/** The CLI's arguments, or the line to print and exit 2 with. */
export function skipArguments(argv: string[], known: readonly string[]): { projection: string; eventId: string; reason: string } | { usage: string } {
  let values: { projection?: string; event?: string; reason?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { projection: { type: 'string' }, event: { type: 'string' }, reason: { type: 'string' } } }));
  } catch (error) {
    return { usage: `${error instanceof Error ? error.message : String(error)}\n${SKIP_USAGE}` };
  }
  const missing = (['projection', 'event', 'reason'] as const).filter((k) => !values[k]?.trim());
  if (missing.length) return { usage: `Missing: ${missing.map((m) => `--${m}`).join(', ')}\n${SKIP_USAGE}\nProjections: ${known.join(', ')}` };
  if (!known.includes(values.projection!)) return { usage: `Unknown projection: ${values.projection}\n${SKIP_USAGE}\nProjections: ${known.join(', ')}` };
  return { projection: values.projection!, eventId: values.event!, reason: values.reason! };
}

/**
 * The CLI's way to the one skip function the API uses too. Returns the exit code: 0 skipped,
 * 1 refused (the rule's message in English and Chinese), 2 bad arguments.
 */
export async function skipFromCli(store: EventStore, ds: DataSource, known: readonly string[], argv: string[], out: Output): Promise<number> {
  const args = skipArguments(argv, known);
  if ('usage' in args) {
    out.error(args.usage);
    return 2;
  }
  const correlationId = randomUUID();
  try {
    const skip = await skipProjectionEvent(store, ds, known, { ...args, by: SYSTEM_ACTOR, correlationId }, { warn: (line) => out.error(`warn: ${line} (correlation id ${correlationId})`) });
    const e = skip.event;
    out.log(`skipped event ${e.id} (${e.type}, stream ${e.streamName} revision ${e.streamRevision}, position ${e.position}) for ${skip.projection}: its checkpoint is now ${e.position}; recorded in projection_skips`);
    return 0;
  } catch (error) {
    if (!(error instanceof SkipRefused)) throw error;
    out.error(`Not skipped (${error.code}): ${error.messages.en} (${error.messages.zh})`);
    return 1;
  }
}
