import { Inject, Injectable } from '@nestjs/common';
import { AuditLog, readTrail, replayAsOf, type AsOfReplay, type AuditedAggregate, type TrailEvent } from '#audit';
import { CLOCK, type Clock } from '#commands';
import type { AppConfig } from '#config';
import type { Lang } from '#domain';
import { APP_CONFIG } from '#platform';
import { AuditSigningKey } from './audit.providers.js';
import type { PageAsOfView, ReplayStandingView } from './audit-views.dto.js';

/**
 * The one as-of replay of the API: the auditor's route and the case, recovery and fund pages
 * (each under its own roles) fold a record's events up to a moment through here, from the
 * latest signed snapshot that still checks out (taking a new one every AUDIT_SNAPSHOT_EVERY
 * events), re-hashing what they fold and re-checking the invariants.
 */
@Injectable()
export class AsOfReplays {
  constructor(
    private readonly audit: AuditLog,
    private readonly key: AuditSigningKey,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  replay<S>(aggregate: AuditedAggregate<S>, id: string, asOf?: string): Promise<AsOfReplay<S> | null> {
    return replayAsOf(this.audit.pool, aggregate, id, asOf, {
      snapshots: { key: this.key.get().privateKey, every: this.config.AUDIT_SNAPSHOT_EVERY, now: () => this.clock.now() },
    });
  }

  /** A (short) stream's events up to a revision, for a page's history as of then: from the log, like the state. */
  async events(stream: string, throughRevision: string | null): Promise<TrailEvent[]> {
    const out: TrailEvent[] = [];
    if (throughRevision === null) return out;
    for await (const e of readTrail(this.audit.pool, { stream })) {
      if (BigInt(e.revision) > BigInt(throughRevision)) break;
      out.push(e);
    }
    return out;
  }

  /** How the replay got its state, in the language asked for. */
  standing(r: AsOfReplay<unknown>, lang: Lang): ReplayStandingView {
    return {
      eventsFolded: r.eventsFolded,
      lastEvent: r.lastEvent,
      snapshot: r.snapshot,
      snapshotsRejected: r.snapshotsRejected.map((s) => ({ revision: s.revision, reason: s.reason[lang] })),
      invariants: r.invariants.map((i) => ({ code: i.code, description: i.description[lang], held: i.held, violation: i.violation?.[lang] ?? null })),
      allHeld: r.allHeld,
      chain: r.chain,
    };
  }

  /** The block a page asked for `?asOf=` carries: the moment, where it stands, and the standing. */
  page(r: AsOfReplay<unknown>, asOf: string, lang: Lang): PageAsOfView {
    return { asOf, position: r.lastEvent?.position ?? null, revision: r.lastEvent ? Number(r.lastEvent.revision) : -1, ...this.standing(r, lang) };
  }
}
