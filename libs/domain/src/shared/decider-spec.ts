import { DomainError } from './domain-error.js';
import type { Decider, DomainEvent } from './messages.js';

/**
 * given(events).when(command).then(events) | .thenThrows(code), for decider unit tests.
 * Pure: no jest import, so it works under any runner; failures throw plain Errors.
 */
export function deciderSpec<S, C, E extends DomainEvent>(decider: Decider<S, C, E>) {
  return {
    given(events: E[] = []) {
      const state = events.reduce(decider.evolve, decider.initialState());
      return {
        state,
        when(command: C) {
          const run = () => decider.decide(command, state);
          return {
            then(expected: E[]) {
              const actual = run();
              const a = JSON.stringify(actual);
              const b = JSON.stringify(expected);
              if (a !== b) throw new Error(`expected events\n${b}\nbut got\n${a}`);
              return actual;
            },
            thenThrows(code: string) {
              try {
                const events = run();
                throw new Error(`expected ${code} but got events ${JSON.stringify(events)}`);
              } catch (e) {
                if (!(e instanceof DomainError)) throw e;
                if (e.code !== code) throw new Error(`expected ${code} but got ${e.code}: ${e.message}`);
                return e;
              }
            },
          };
        },
      };
    },
  };
}
