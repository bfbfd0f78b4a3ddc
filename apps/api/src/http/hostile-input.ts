import type { FieldProblem } from './problem.js';

/** Deeper than any request of ours (a case's oral application is three levels down); a cap keeps recursion in class-transformer bounded. */
export const MAX_DEPTH = 32;

/** Keys that reach an object's prototype in JavaScript: refused rather than silently dropped. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** NUL (PostgreSQL text cannot hold it) or a UTF-16 surrogate without its partner (not a character: no UTF-8 for it). */
const BAD_CHARACTER = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function joinPath(prefix: string, key: string | number): string {
  if (typeof key === 'number') return `${prefix}[${key}]`;
  return prefix ? `${prefix}.${key}` : key;
}

function textProblem(field: string, text: string): FieldProblem | null {
  const m = BAD_CHARACTER.exec(text);
  if (!m) return null;
  return m[0] === '\u0000'
    ? { field, messages: [{ zh: '不能包含控制字符（如 NUL）', en: 'must not contain control characters (such as NUL)' }] }
    : { field, messages: [{ zh: '包含无效字符（不成对的代理项），请检查输入内容', en: 'contains an invalid character (a lone UTF-16 surrogate)' }] };
}

/**
 * Everything in a parsed request (body, query, path) that no route may take, whatever its DTO
 * says: text with NUL or a lone surrogate, keys that reach a prototype, nesting deeper than
 * MAX_DEPTH. Runs before validation, the idempotency fingerprint and the hash chain, all of which
 * would fail on them. Each problem names the field by its path; at most `limit` problems.
 */
export function hostileInputProblems(value: unknown, path = '', limit = 50): FieldProblem[] {
  const problems: FieldProblem[] = [];
  // An explicit stack, not recursion: the input may be nested far deeper than the cap.
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path, depth: 0 }];
  while (stack.length && problems.length < limit) {
    const item = stack.pop()!;
    const field = item.path || '(body)';
    if (typeof item.value === 'string') {
      const p = textProblem(field, item.value);
      if (p) problems.push(p);
      continue;
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= MAX_DEPTH) {
      problems.push({ field, messages: [{ zh: `嵌套层数过多（最多 ${MAX_DEPTH} 层）`, en: `is nested too deeply (at most ${MAX_DEPTH} levels)` }] });
      continue;
    }
    const entries: [string | number, unknown][] = Array.isArray(item.value) ? item.value.map((v, i) => [i, v]) : Object.entries(item.value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      const childPath = joinPath(item.path, key);
      if (typeof key === 'string') {
        if (FORBIDDEN_KEYS.has(key)) {
          problems.push({ field: childPath, messages: [{ zh: '是不允许使用的字段名', en: 'is not allowed as a field name' }] });
          continue;
        }
        const p = textProblem(`${childPath} (name)`, key);
        if (p) {
          problems.push(p);
          continue;
        }
      }
      stack.push({ value: child, path: childPath, depth: item.depth + 1 });
    }
  }
  return problems;
}
