import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalEventBody } from '#event-store';
import { canonicalJson } from './canonical-json.js';

describe('canonical JSON for verification', () => {
  it('is the text the event store hashes (the canonicalize package), for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => canonicalJson(v) === canonicalize(v)), { numRuns: 2000 });
  });

  it('is the event body the store hashes, for any event', () => {
    const event = fc.record({ id: fc.uuid(), type: fc.string(), data: fc.jsonValue(), metadata: fc.dictionary(fc.string(), fc.jsonValue()) });
    fc.assert(fc.property(event, (e) => canonicalJson({ id: e.id, type: e.type, data: e.data, metadata: e.metadata }) === canonicalEventBody(e as never)), { numRuns: 1000 });
  });

  it('is the same text for objects of one shape seen many times, and for keys that look alike once joined', () => {
    const key = fc.constantFrom('a', 'b', 'a\u0000', '\u0000b', 'a\u0000b', '', 'ü', '\ud83d\ude00');
    const object = fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
    fc.assert(fc.property(fc.array(object, { maxLength: 20 }), (objects) => objects.every((o) => canonicalJson(o) === canonicalize(o))), { numRuns: 500 });
    expect(canonicalJson({ 'a\u0000b': 1, c: 2 })).toBe(canonicalize({ 'a\u0000b': 1, c: 2 }));
    expect(canonicalJson({ a: 1, 'b\u0000c': 2 })).toBe(canonicalize({ a: 1, 'b\u0000c': 2 }));
  });

  it('orders keys by UTF-16 code units and writes numbers as ECMAScript does (RFC 8785 §3.2)', () => {
    expect(canonicalJson({ b: 1, a: [1e21, 0.1, -0, null], '\u20ac': 'x', '\ud83d\ude00': 'y', '\u0080': true })).toBe('{"a":[1e+21,0.1,0,null],"b":1,"\u0080":true,"\u20ac":"x","\ud83d\ude00":"y"}');
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
  });
});
