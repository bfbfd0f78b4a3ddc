import type { Lang } from '../shared/bilingual.js';
import { beijingDay } from '../shared/dates.js';
import { formatYuan } from '../shared/money.js';
import { FUND_KIND_LABELS, INCOME_SOURCE_LABELS, PAYMENT_METHOD_LABELS, PROGRAMME_KIND_LABELS } from './aid-labels.js';
import type { AidFundEvent } from './funds/aid-fund.events.js';
import type { AidProgrammeEvent } from './programmes/aid-programme.events.js';

export interface AidDescribeOptions {
  /** Who did it, from the event's metadata. */
  actorId?: string;
  staffName?: (staffId: string) => string | undefined;
}

/** One sentence a clerk can read, for a fund's or a programme's history and the audit trail. */
export function describeAidEvent(event: AidFundEvent | AidProgrammeEvent, lang: Lang, opts: AidDescribeOptions = {}): string {
  const zh = lang === 'zh';
  const staff = (id: string) => opts.staffName?.(id) ?? (zh ? `员工 ${id}` : `staff member ${id}`);
  const s = opts.actorId ? `${staff(opts.actorId)} ` : '';
  const by = opts.actorId ? ` by ${staff(opts.actorId)}` : '';
  const money = (fen: number) => formatYuan(fen, lang);
  switch (event.type) {
    case 'AidFundOpened': {
      const kind = FUND_KIND_LABELS[event.data.kind][lang];
      return zh ? `${s}设立了资金账户“${event.data.name}”（${kind}）` : `Fund "${event.data.name}" (${kind}) opened${by}`;
    }
    case 'AidIncomeRecorded': {
      const { source, amountFen, receivedOn, reference, donor } = event.data;
      const src = INCOME_SOURCE_LABELS[source][lang];
      const from = donor ? (zh ? `，捐赠人：${donor.name}，收据 ${donor.receiptNumber}` : `, donor: ${donor.name}, receipt ${donor.receiptNumber}`) : '';
      return zh
        ? `${s}登记收入${money(amountFen)}（${src}${from}；${receivedOn}到账；凭证 ${reference}）`
        : `Income of ${money(amountFen)} recorded${by} (${src}${from}; received ${receivedOn}; reference ${reference})`;
    }
    case 'AidIncomeCorrected': {
      const { amountFen, receivedOn, reason } = event.data;
      return zh
        ? `${s}冲正了${receivedOn}到账的收入${money(amountFen)}（理由：${reason}）`
        : `Income of ${money(amountFen)} received ${receivedOn} reversed${by} (reason: ${reason})`;
    }
    case 'DisbursementRequested': {
      const { programmeKind, programmeName, beneficiaryName, amountFen, reason, requestedOn, requestedAt } = event.data;
      const programme = programmeName || PROGRAMME_KIND_LABELS[programmeKind][lang];
      const on = backDated(requestedOn, requestedAt) ? (zh ? `；申请日期 ${requestedOn}` : `; asked for on ${requestedOn}`) : '';
      return zh
        ? `${s}申请向${beneficiaryName}发放${money(amountFen)}（${programme}；事由：${reason}${on}）`
        : `Disbursement of ${money(amountFen)} to ${beneficiaryName} requested${by} (${programme}; reason: ${reason}${on})`;
    }
    case 'DisbursementApproved': {
      const { amountFen, approvedOn, approvedAt } = event.data;
      const on = backDated(approvedOn, approvedAt) ? (zh ? `（批准日期 ${approvedOn}）` : ` (approved on ${approvedOn})`) : '';
      return zh ? `${s}批准了发放${money(amountFen)}${on}` : `Disbursement of ${money(amountFen)} approved${by}${on}`;
    }
    case 'DisbursementRejected':
      return zh
        ? `${s}驳回了发放${money(event.data.amountFen)}的申请（理由：${event.data.reason}）`
        : `Disbursement of ${money(event.data.amountFen)} rejected${by} (reason: ${event.data.reason})`;
    case 'DisbursementPaid': {
      const { amountFen, method, reference, paidOn } = event.data;
      const m = PAYMENT_METHOD_LABELS[method][lang];
      return zh ? `${s}登记已于${paidOn}支付${money(amountFen)}（${m}；凭证 ${reference}）` : `Payment of ${money(amountFen)} on ${paidOn} recorded${by} (${m}; reference ${reference})`;
    }
    case 'DisbursementCancelled': {
      const { amountFen, wasApproved, reason } = event.data;
      return zh
        ? `${s}撤销了${wasApproved ? '已批准的' : ''}发放${money(amountFen)}（理由：${reason}）`
        : `${wasApproved ? 'Approved disbursement' : 'Disbursement'} of ${money(amountFen)} cancelled${by} (reason: ${reason})`;
    }
    case 'DisbursementApprovalWarned': {
      const { beneficiaryName, amountFen, requestedOn, dueOn, daysLeft } = event.data;
      return zh
        ? `系统提醒：${requestedOn}申请的向${beneficiaryName}发放${money(amountFen)}尚待主管审批，审批期限至${dueOn}（还剩${daysLeft}天）`
        : `Reminder from the system: the disbursement of ${money(amountFen)} to ${beneficiaryName} requested on ${requestedOn} waits for a supervisor until ${dueOn} (${daysLeft} day${daysLeft === 1 ? '' : 's'} left)`;
    }
    case 'DisbursementApprovalMissed': {
      const { beneficiaryName, amountFen, requestedOn, dueOn, daysOver } = event.data;
      return zh
        ? `系统记录：${requestedOn}申请的向${beneficiaryName}发放${money(amountFen)}至${dueOn}仍未审批（逾期${daysOver}天，待主管审批）`
        : `Recorded by the system: the disbursement of ${money(amountFen)} to ${beneficiaryName} requested on ${requestedOn} was still undecided on ${dueOn} (${daysOver} day${daysOver === 1 ? '' : 's'} over; a supervisor decides)`;
    }
    case 'AidProgrammeCreated': {
      const { kind, name, perBeneficiaryCapFen, season } = event.data;
      const k = PROGRAMME_KIND_LABELS[kind][lang];
      const when = season ? (zh ? `；每年 ${season.from} 至 ${season.to}` : `; ${season.from} to ${season.to} each year`) : '';
      return zh ? `${s}设立帮扶项目“${name}”（${k}；每人每年限额${money(perBeneficiaryCapFen)}${when}）` : `Programme "${name}" (${k}; at most ${money(perBeneficiaryCapFen)} per beneficiary a year${when}) created${by}`;
    }
    case 'AidProgrammeTermsChanged': {
      const { name, perBeneficiaryCapFen, reason } = event.data;
      return zh ? `${s}修改了帮扶项目“${name}”（每人每年限额${money(perBeneficiaryCapFen)}；理由：${reason}）` : `Programme "${name}" changed${by} (at most ${money(perBeneficiaryCapFen)} per beneficiary a year; reason: ${reason})`;
    }
    case 'AidProgrammeClosed':
      return zh ? `${s}停止了该帮扶项目（理由：${event.data.reason}）` : `Programme closed${by} (reason: ${event.data.reason})`;
    default:
      void (event satisfies never);
      return (event as { type: string }).type;
  }
}

/** A business day given, other than the day the event was recorded: said in the sentence. */
function backDated(day: string | undefined, recordedAt: string): day is string {
  return day !== undefined && day !== beijingDay(recordedAt);
}
