import type { Command, Decider, DomainEvent, Issued } from '#domain';

/** What the command path needs to know of an aggregate: its decider, and which stream a command goes to. */
export interface Aggregate<S, C extends Command, E extends DomainEvent> {
  decider: Decider<S, C, E>;
  streamOf: (command: Issued<C>) => string;
}
