import { listNames, type Lang } from '../shared/bilingual.js';
import { beijingDateTime } from '../shared/dates.js';
import { formatYuan } from '../shared/money.js';
import type { DisputeCaseEvent } from './dispute-case.events.js';
import {
  CASE_OUTCOME_LABELS,
  DISPUTE_CATEGORY_LABELS,
  FOLLOW_UP_METHOD_LABELS,
  REFERRAL_AGENCY_LABELS,
} from './dispute-labels.js';
import { describeCaseDeadlineEvent } from '../deadlines/case-deadlines.describe.js';

/** Lookups the caller has at hand; without them people are named by their ids. */
export interface DisputeDescribeOptions {
  /** Who did it, from the event's metadata; events that name their actor (openedBy, ...) need not. */
  actorId?: string;
  staffName?: (staffId: string) => string | undefined;
  /** The case as replayed so far knows its claimants' names. */
  claimantName?: (claimantId: string) => string | undefined;
}

/** One sentence a clerk can read, for a case's history and the audit trail. */
export function describeDisputeEvent(event: DisputeCaseEvent, lang: Lang, opts: DisputeDescribeOptions = {}): string {
  const zh = lang === 'zh';
  const staff = (id: string) => opts.staffName?.(id) ?? (zh ? `员工 ${id}` : `staff member ${id}`);
  const claimant = (id: string) => opts.claimantName?.(id) ?? (zh ? `申请人 ${id}` : `claimant ${id}`);
  const actorId = opts.actorId ?? actorOf(event);
  // zh: "王芳 记录了…"; en: "… recorded by Wang Fang (…)".
  const s = actorId ? `${staff(actorId)} ` : '';
  const by = actorId ? ` by ${staff(actorId)}` : '';
  const money = (fen: number) => formatYuan(fen, lang);
  const claimants = (n: number) => (zh ? `${n}名申请人` : `${n} claimant${n === 1 ? '' : 's'}`);

  switch (event.type) {
    case 'DisputeCaseOpened': {
      const { title, category, respondent, claimants: list, application } = event.data;
      const cat = DISPUTE_CATEGORY_LABELS[category][lang];
      const received = moment(application.receivedAt);
      if (zh) {
        const kind = application.kind === 'oral' ? '口头' : '书面';
        return (
          `${s}登记了新案件“${title}”` +
          `（${cat}；被申请人：${respondent.name}；${claimants(list.length)}；${kind}申请，${received}收到）`
        );
      }
      return (
        `Case "${title}" opened${by} ` +
        `(${cat}; respondent: ${respondent.name}; ${claimants(list.length)}; ${application.kind} application received ${received})`
      );
    }
    case 'ClaimantsAdded': {
      const names = listNames(event.data.claimants.map((c) => c.name), lang);
      const n = event.data.claimants.length;
      return zh ? `${s}新增${claimants(n)}：${names}` : `${claimants(n)} added${by}: ${names}`;
    }
    case 'ClaimRecorded': {
      const { claimantId, kind, amountFen, note } = event.data;
      const what = `${DISPUTE_CATEGORY_LABELS[kind][lang]}${zh ? '，' : ', '}${money(amountFen)}`;
      const extra = note ? (zh ? `（${brief(note)}）` : ` (${brief(note)})`) : '';
      return zh
        ? `${s}登记了${claimant(claimantId)}的请求：${what}${extra}`
        : `Claim recorded${by} for ${claimant(claimantId)}: ${what}${extra}`;
    }
    case 'IntakeAccepted':
      return zh ? `${s}受理了该案件` : `Intake accepted${by}`;
    case 'IntakeDeclined':
      return zh
        ? `${s}决定不予受理，案件关闭（理由：${brief(event.data.reason)}）`
        : `Intake declined${by}, case closed (reason: ${brief(event.data.reason)})`;
    case 'MediatorAssigned': {
      const { mediatorId, previousMediatorId: previous } = event.data;
      return zh
        ? `${s}将案件指派给调解员 ${staff(mediatorId)}${previous ? `（原调解员：${staff(previous)}）` : ''}`
        : `Case assigned${by} to mediator ${staff(mediatorId)}${previous ? ` (previously ${staff(previous)})` : ''}`;
    }
    case 'CaseReferred': {
      const { agency, agencyName, note } = event.data;
      const to = agencyName ?? (zh ? REFERRAL_AGENCY_LABELS[agency].zh : `the ${REFERRAL_AGENCY_LABELS[agency].en}`);
      const extra = note.trim() ? (zh ? `（${brief(note)}）` : ` (${brief(note)})`) : '';
      return zh ? `${s}将案件转交${to}协同处理${extra}` : `Case referred${by} to ${to}${extra}`;
    }
    case 'ReferralAnswered': {
      const { agency, agencyName, answer, answeredAt } = event.data;
      const from = agencyName ?? (zh ? REFERRAL_AGENCY_LABELS[agency].zh : `the ${REFERRAL_AGENCY_LABELS[agency].en}`);
      return zh
        ? `${s}登记了${from}的答复（${moment(answeredAt)}）：${brief(answer)}`
        : `Answer from ${from} recorded${by} (${moment(answeredAt)}): ${brief(answer)}`;
    }
    case 'MediationSessionRecorded': {
      const { number, heldAt, place } = event.data;
      const where = place ? (zh ? `，${place}` : `, ${place}`) : '';
      return zh
        ? `${s}记录了第${number}次调解会议（${moment(heldAt)}${where}）`
        : `Mediation session ${number} recorded${by} (${moment(heldAt)}${where})`;
    }
    case 'FollowUpRecorded': {
      const { at, method, result } = event.data;
      const how = method ? (zh ? `，${FOLLOW_UP_METHOD_LABELS[method].zh}` : `, ${FOLLOW_UP_METHOD_LABELS[method].en}`) : '';
      return zh
        ? `${s}记录了一次回访（${moment(at)}${how}）：${brief(result)}`
        : `Follow-up recorded${by} (${moment(at)}${how}): ${brief(result)}`;
    }
    case 'AgreementReached': {
      const { amounts, totalFen, paymentDates } = event.data;
      const when = payable(paymentDates, lang);
      return zh
        ? `${s}记录了调解协议：${claimants(amounts.length)}，合计${money(totalFen)}，${when}`
        : `Mediation agreement reached${by}: ${claimants(amounts.length)}, ${money(totalFen)} in total, ${when}`;
    }
    case 'AgreementAmended': {
      const { amounts, previousTotalFen, totalFen, paymentDates, reason } = event.data;
      const when = payable(paymentDates, lang);
      return zh
        ? `${s}变更了调解协议（原协议合计${money(previousTotalFen)}；变更理由：${brief(reason)}）：` +
            `${claimants(amounts.length)}，合计${money(totalFen)}，${when}`
        : `Mediation agreement amended${by} (the earlier agreement totalled ${money(previousTotalFen)}; reason: ${brief(reason)}): ` +
            `${claimants(amounts.length)}, ${money(totalFen)} in total, ${when}`;
    }
    case 'CaseClosed': {
      const { outcome, reason } = event.data;
      const label = CASE_OUTCOME_LABELS[outcome][lang];
      if (zh) return `${s}结案：${label}${reason ? `（${brief(reason)}）` : ''}`;
      return `Case closed${by}: ${label}${reason ? ` (${brief(reason)})` : ''}`;
    }
    case 'CaseReopened':
      return zh
        ? `${s}重新打开了案件（理由：${brief(event.data.reason)}）`
        : `Case reopened${by} (reason: ${brief(event.data.reason)})`;
    case 'MediationClockPaused':
    case 'MediationClockResumed':
    case 'DeadlineWarned':
    case 'DeadlineMissed':
      return describeCaseDeadlineEvent(event, lang, { actor: s, by, staff });
    default: {
      const unhandled: never = event;
      return String((unhandled as { type: unknown }).type);
    }
  }
}

function actorOf(event: DisputeCaseEvent): string | undefined {
  switch (event.type) {
    case 'DisputeCaseOpened':
      return event.data.openedBy;
    case 'IntakeAccepted':
      return event.data.acceptedBy;
    case 'IntakeDeclined':
      return event.data.declinedBy;
    case 'MediatorAssigned':
      return event.data.assignedBy;
    case 'CaseClosed':
      return event.data.closedBy;
    case 'CaseReopened':
      return event.data.reopenedBy;
    case 'MediationClockPaused':
      return event.data.pausedBy;
    case 'MediationClockResumed':
      return event.data.resumedBy;
    default:
      return undefined;
  }
}

/** A date stays as written; an instant is shown as Beijing time (UTC+8, no daylight saving). */
const moment = beijingDateTime;

function payable(dates: readonly string[], lang: Lang): string {
  const shown = dates.slice(0, 4).join(lang === 'zh' ? '、' : ', ') + (dates.length > 4 ? '…' : '');
  if (lang === 'zh') {
    return dates.length === 0 ? '未约定支付日期' : dates.length === 1 ? `于${shown}支付` : `分${dates.length}期支付（${shown}）`;
  }
  return dates.length === 0
    ? 'no payment date set'
    : dates.length === 1
      ? `payable on ${shown}`
      : `payable in ${dates.length} instalments (${shown})`;
}

/** Long notes are cut so that the sentence stays one line; counted in characters, not UTF-16 units. */
function brief(text: string, max = 40): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}
