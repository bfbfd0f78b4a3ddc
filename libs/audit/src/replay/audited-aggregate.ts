import { foldEvents, type Bilingual, type Decider, type DomainEvent } from '#domain';

/** A rule about an aggregate's state that must hold at every moment of its history (money first). */
export interface Invariant<S> {
  code: string;
  description: Bilingual;
  /** Null when it holds; else what breaks it, in words an auditor can follow. */
  violation(state: S): Bilingual | null;
}

/**
 * How a folded state is kept in a snapshot and read back: JSON both ways. The default is the
 * state itself (plain data, as the read models keep it); a state holding other structures (an
 * aid fund's persistent maps) says how to rebuild them.
 */
export interface StateCodec<S> {
  encode(state: S): unknown;
  decode(json: unknown): S;
}

/**
 * What the auditor's as-of replay needs to know of an aggregate: where its events are, the
 * domain's own decider to fold them (never a read model), and the invariants to re-check.
 * Adding an aggregate to the audit is one entry in AUDITED_AGGREGATES.
 */
export interface AuditedAggregate<S> {
  /** The path segment: /api/audit/<kind>/:id. */
  kind: string;
  label: Bilingual;
  streamOf(id: string): string;
  decider: Pick<Decider<S, never, DomainEvent>, 'evolve' | 'initialState'>;
  invariants: readonly Invariant<S>[];
  /** Unset: the state is plain JSON. */
  codec?: StateCodec<S>;
  /** The state's shape (default 1): raise it when the decider's state changes shape, and replay snapshots of the old shape are passed over. */
  stateVersion?: number;
}

export interface InvariantResult {
  code: string;
  description: Bilingual;
  held: boolean;
  violation: Bilingual | null;
}

export interface Replayed<S> {
  state: S;
  eventsFolded: number;
  invariants: InvariantResult[];
  allHeld: boolean;
}

/** Every invariant of the aggregate on one state (the state at the moment asked for). */
export function checkInvariants<S>(aggregate: AuditedAggregate<S>, state: S): Pick<Replayed<S>, 'invariants' | 'allHeld'> {
  const invariants = aggregate.invariants.map((inv) => {
    const violation = inv.violation(state);
    return { code: inv.code, description: inv.description, held: violation === null, violation };
  });
  return { invariants, allHeld: invariants.every((i) => i.held) };
}

/** Folds the events given (already cut at the moment asked for) and re-checks every invariant on the result. */
export function replay<S>(aggregate: AuditedAggregate<S>, events: readonly { type: string; data: unknown }[]): Replayed<S> {
  const state = foldEvents(aggregate.decider, events);
  return { state, eventsFolded: events.length, ...checkInvariants(aggregate, state) };
}

export const encodeState = <S>(aggregate: AuditedAggregate<S>, state: S): unknown => (aggregate.codec ? aggregate.codec.encode(state) : state);
export const decodeState = <S>(aggregate: AuditedAggregate<S>, json: unknown): S => (aggregate.codec ? aggregate.codec.decode(json) : (json as S));

/** Erases the state type for the registry: each entry keeps its own types inside. */
export function audited<S>(aggregate: AuditedAggregate<S>): AuditedAggregate<unknown> {
  return aggregate as unknown as AuditedAggregate<unknown>;
}
