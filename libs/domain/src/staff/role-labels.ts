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
