/**
 * RFC 8785 canonical JSON for values read back from JSON (jsonb, an export line): the same text
 * as the `canonicalize` package the event store hashes with (a property test holds them equal),
 * without its per-string surrogate scan and cycle bookkeeping, which JSON-born values never need.
 * Verification and replays re-hash every event, so this is their hot loop.
 *
 * Events of one type have the same keys in the same order, so the sorted keys, already quoted,
 * are kept per shape (the keys as they come): an object of a known shape costs no sort and no
 * quoting of its keys. A shape is only a hint: each key it names must be the object's own.
 */
const SHAPES = new Map<string, readonly (readonly [key: string, prefix: string])[]>();
const MAX_SHAPES = 10_000;

function plainObject(record: Record<string, unknown>, keys: readonly string[]): string {
  let out = '{';
  let first = true;
  for (const key of [...keys].sort()) {
    const item = record[key];
    if (item === undefined || typeof item === 'symbol') continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`;
    first = false;
  }
  return `${out}}`;
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`${value} has no JSON form`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      out += (i ? ',' : '') + canonicalJson(item === undefined || typeof item === 'symbol' ? null : item);
    }
    return `${out}]`;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonicalJson((value as { toJSON: () => unknown }).toJSON());
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const shape = keys.join('\u0000');
  let plan = SHAPES.get(shape);
  if (plan === undefined) {
    plan = [...keys].sort().map((k) => [k, `${JSON.stringify(k)}:`] as const);
    if (SHAPES.size < MAX_SHAPES) SHAPES.set(shape, plan);
  }
  // Keys holding the separator could share a shape with other keys: the plan must name exactly these.
  if (plan.length !== keys.length) return plainObject(record, keys);
  let out = '{';
  let first = true;
  for (let i = 0; i < plan.length; i++) {
    const [key, prefix] = plan[i];
    if (!Object.hasOwn(record, key)) return plainObject(record, keys);
    const item = record[key];
    if (item === undefined || typeof item === 'symbol') continue;
    out += (first ? '' : ',') + prefix + canonicalJson(item);
    first = false;
  }
  return `${out}}`;
}
