import { deciderSpec } from './decider-spec.js';
import { rule } from './domain-error.js';
import type { DomainEvent } from './messages.js';

type Ev = DomainEvent<'Counted', { by: number }>;
const counter = {
  initialState: () => 0,
  evolve: (s: number, e: Ev) => s + e.data.by,
  decide: (c: { by: number }, s: number): Ev[] =>
    s + c.by > 3 ? rule('TOO_MANY', 'too many', '太多') : [{ type: 'Counted', data: { by: c.by } }],
};

describe('deciderSpec', () => {
  it('given events, when a command, then the events decided', () => {
    deciderSpec(counter).given([{ type: 'Counted', data: { by: 1 } }]).when({ by: 2 }).then([{ type: 'Counted', data: { by: 2 } }]);
  });
  it('reports a rule broken by its code', () => {
    const spec = deciderSpec(counter).given([{ type: 'Counted', data: { by: 3 } }]).when({ by: 1 });
    expect(spec.thenThrows('TOO_MANY').messages.zh).toBe('太多');
    expect(() => spec.thenThrows('OTHER')).toThrow(/expected OTHER but got TOO_MANY/);
  });
});
