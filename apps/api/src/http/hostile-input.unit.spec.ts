import { hostileInputProblems, MAX_DEPTH } from './hostile-input.js';

const fields = (value: unknown) => hostileInputProblems(value).map((p) => p.field);

describe('input no route may take', () => {
  it('names text holding NUL or a lone surrogate by its path', () => {
    expect(fields({ title: 'a\u0000b', claimants: [{ name: 'ok' }, { name: 'x\ud800' }], note: '\udc00' })).toEqual(['title', 'claimants[1].name', 'note']);
  });

  it('takes Chinese text, emoji (a surrogate pair) and every other character', () => {
    expect(fields({ title: '拖欠工资 👷 \t\n "quoted" \u2028', list: ['𠀀', 1, true, null] })).toEqual([]);
  });

  it('refuses keys that reach a prototype, at any level', () => {
    const body = JSON.parse('{"__proto__":{"x":1},"a":{"constructor":{}},"b":[{"prototype":1}]}');
    expect(fields(body)).toEqual(['__proto__', 'a.constructor', 'b[0].prototype']);
  });

  it('stops at the depth cap without recursion, however deep the input', () => {
    const deep = JSON.parse(`${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`);
    const problems = hostileInputProblems(deep);
    expect(problems).toHaveLength(1);
    expect(problems[0].field.split('.')).toHaveLength(MAX_DEPTH);
    expect(fields(JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`))).toHaveLength(1);
    let ok: unknown = 1;
    for (let i = 0; i < MAX_DEPTH - 1; i++) ok = { a: ok };
    expect(fields(ok)).toEqual([]);
  });
});
