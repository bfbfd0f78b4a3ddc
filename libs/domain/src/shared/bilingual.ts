/** The two languages every message, label and sentence is written in: Simplified Chinese first. */
export type Lang = 'zh' | 'en';

/** A text a clerk reads, in both languages. */
export type Bilingual = Readonly<Record<Lang, string>>;

/** How many names a sentence or a message lists before it says how many more there are. */
export const NAMES_SHOWN = 5;

/**
 * "张三、李四等12人" / "Zhang San, Li Si and 10 more": a group case may have a thousand names,
 * so a sentence names the first few and counts the rest.
 */
export function listNames(names: readonly string[], lang: Lang, shown = NAMES_SHOWN): string {
  const head = names.slice(0, shown);
  const rest = names.length - head.length;
  if (lang === 'zh') return head.join('、') + (rest > 0 ? `等${names.length}人` : '');
  return head.join(', ') + (rest > 0 ? ` and ${rest} more` : '');
}
