import { rule } from './domain-error.js';

// NUL: PostgreSQL's text and jsonb refuse it. An unpaired UTF-16 surrogate: it has no UTF-8 form,
// so neither the database nor the events' hash (canonical JSON as UTF-8) can take it.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Where in `value` a text (or a key) holds a character no event can store, as a path like `claimants[3].name`. */
export function unstorableTextAt(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path || '(text)' : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableTextAt(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (UNSTORABLE.test(key)) return at;
      const found = unstorableTextAt(item, at);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Refuses what decide() produced when a text in it cannot be stored, before anything is
 * appended or reserved: a command half-recorded because its last append failed on a character
 * would otherwise leave the first appends behind.
 */
export function requireStorableText(value: unknown): void {
  const field = unstorableTextAt(value);
  if (field === undefined) return;
  rule(
    'TEXT_NOT_STORABLE',
    `The text in ${field} contains a character that cannot be stored (a NUL or an unpaired surrogate); remove it and send again.`,
    `${field} 中含有无法保存的字符（空字符或不成对的代理字符），请删除后重新提交。`,
    { field },
  );
}
