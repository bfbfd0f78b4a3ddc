import type { CommandContext, Decider, DomainEvent } from './messages.js';

/** Every aggregate's commands have this shape: what to do, its data, and who/when from outside. */
export type Command<Type extends string = string, Data = unknown> = { type: Type; data: Data; ctx: CommandContext };

/** A command as its sender writes it: the command path adds `ctx` (actor and time). */
export type Issued<C> = C extends { type: infer T; data: infer D; ctx: CommandContext } ? { type: T; data: D } : never;

/** A stored event as the decider knows it: the store's envelope (id, metadata, position) left aside. */
export function domainEventOf<E extends DomainEvent>(stored: { type: string; data: unknown }): E {
  return { type: stored.type, data: stored.data } as E;
}

/** Folds stored events into a decider's state: the one place that trusts a stream to hold its aggregate's events. */
export function foldEvents<S, E extends DomainEvent>(
  decider: Pick<Decider<S, never, E>, 'evolve' | 'initialState'>,
  stored: readonly { type: string; data: unknown }[],
  from: S = decider.initialState(),
): S {
  let state = from;
  for (const e of stored) state = decider.evolve(state, domainEventOf<E>(e));
  return state;
}
