/**
 * A person's name as the system keeps and compares it (a worker's registered name, a
 * claimant's name): every run of whitespace, the full-width space U+3000 and no-break spaces
 * included, becomes one ordinary space, and the ends are trimmed. "李　四", "李  四" and
 * " 李 四 " are all "李 四"; "李四" (no space) stays another name. Anything not text is ''.
 */
export function normalisePersonName(name: unknown): string {
  return typeof name === 'string' ? name.replace(/\s+/gu, ' ').trim() : '';
}
