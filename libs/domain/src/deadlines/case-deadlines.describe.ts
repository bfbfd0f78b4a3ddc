import type { Lang } from '../shared/bilingual.js';
import type { DeadlineMissed, DeadlineWarned, MediationClockPaused, MediationClockResumed } from '../disputes/dispute-case.events.js';
import { DEADLINE_KIND_LABELS, PAUSE_REASON_LABELS } from './deadline-labels.js';

type DeadlineEvent = MediationClockPaused | MediationClockResumed | DeadlineWarned | DeadlineMissed;

/** The case timeline's sentence for a deadline event; `actor` is "王芳 " / "" as the case's other sentences start. */
export function describeCaseDeadlineEvent(event: DeadlineEvent, lang: Lang, who: { actor: string; by: string; staff: (id: string) => string }): string {
  const zh = lang === 'zh';
  switch (event.type) {
    case 'MediationClockPaused': {
      const { reason, note, pausedOn } = event.data;
      const why = PAUSE_REASON_LABELS[reason][lang];
      return zh
        ? `${who.actor}自${pausedOn}起暂停调解期限计时（理由：${why}；${brief(note)}）`
        : `Mediation clock paused${who.by} from ${pausedOn} (reason: ${why.toLowerCase()}; ${brief(note)})`;
    }
    case 'MediationClockResumed': {
      const { resumedOn, pausedDays, dueOn } = event.data;
      return zh
        ? `${who.actor}于${resumedOn}恢复调解期限计时（暂停${pausedDays}天），调解期限顺延至${dueOn}`
        : `Mediation clock resumed${who.by} on ${resumedOn} after ${pausedDays} day${pausedDays === 1 ? '' : 's'}; the period now ends on ${dueOn}`;
    }
    case 'DeadlineWarned': {
      const { kind, dueOn, daysLeft, responsibleId } = event.data;
      const what = DEADLINE_KIND_LABELS[kind][lang];
      const whom = responsibleId ? (zh ? `，承办调解员：${who.staff(responsibleId)}` : `; mediator: ${who.staff(responsibleId)}`) : '';
      return zh
        ? `系统提醒：${what}将于${dueOn}届满（还剩${daysLeft}天${whom}）`
        : `Reminder from the system: the ${what} is due on ${dueOn} (${daysLeft} day${daysLeft === 1 ? '' : 's'} left${whom})`;
    }
    case 'DeadlineMissed': {
      const { kind, dueOn, daysOver, responsibleId } = event.data;
      const what = DEADLINE_KIND_LABELS[kind][lang];
      const whom = responsibleId ? (zh ? `，承办调解员：${who.staff(responsibleId)}` : `; mediator: ${who.staff(responsibleId)}`) : '';
      const unmet = kind === 'mediation' ? (zh ? '，未达成调解协议，当事人可依法申请仲裁' : ' without an agreement; a party may now apply for arbitration') : zh ? '，未按时回访' : ' without a follow-up';
      return zh
        ? `系统记录：${what}已于${dueOn}届满${unmet}（逾期${daysOver}天${whom}）`
        : `Recorded by the system: the ${what} ended on ${dueOn}${unmet} (${daysOver} day${daysOver === 1 ? '' : 's'} over${whom})`;
    }
  }
}

function brief(text: string, max = 40): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}
