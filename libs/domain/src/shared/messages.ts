export const ROLES = ['mediator', 'supervisor', 'fund_officer', 'auditor', 'administrator'] as const;
export type Role = (typeof ROLES)[number];
/** The system itself acts for jobs (deadlines firing, signed checkpoints); never a login role. */
export type ActingRole = Role | 'system';

export interface Actor {
  staffId: string;
  role: ActingRole;
}

/** What every command brings in from outside: decide() never reads a clock or makes an id. */
export interface CommandContext {
  actor: Actor;
  /** ISO-8601 instant the command was issued. */
  now: string;
}

/** An event as a decider produces it; the application adds id and metadata when appending. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

export interface Decider<State, Command, Event extends DomainEvent> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State) => Event[];
}
