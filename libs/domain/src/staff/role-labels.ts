import type { Lang } from '../shared/bilingual.js';
import type { Role } from '../shared/messages.js';

/** How a role is named to a clerk, in the console and in messages. */
export const ROLE_LABELS: Readonly<Record<Role, Readonly<Record<Lang, string>>>> = {
  mediator: { zh: '调解员', en: 'mediator' },
  supervisor: { zh: '主管', en: 'supervisor' },
  fund_officer: { zh: '帮扶资金专员', en: 'fund officer' },
  auditor: { zh: '审计员', en: 'auditor' },
  administrator: { zh: '系统管理员', en: 'administrator' },
};

export function roleLabel(role: Role, lang: Lang): string {
  return ROLE_LABELS[role][lang];
}

/**
 * A role's code with its name beside it, as a list of allowed values says it: `mediator（调解员）`,
 * and in English the name only where it says more than the code (`fund_officer (fund officer)`,
 * but `mediator`, not `mediator (mediator)`).
 */
export function roleWithLabel(role: Role, lang: Lang): string {
  const label = roleLabel(role, lang);
  if (lang === 'zh') return `${role}（${label}）`;
  return label === role ? role : `${role} (${label})`;
}
