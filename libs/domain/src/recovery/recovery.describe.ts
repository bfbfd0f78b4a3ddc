import type { Lang } from '../shared/bilingual.js';
import { formatYuan } from '../shared/money.js';
import { PAYOUT_METHOD_LABELS, RECEIPT_CHANNEL_LABELS } from './recovery-labels.js';
import type { RecoveryEvent } from './recovery.events.js';

/** Lookups the caller has at hand; without them people are named by their ids. */
export interface RecoveryDescribeOptions {
  /** Who did it, from the event's metadata. */
  actorId?: string;
  staffName?: (staffId: string) => string | undefined;
  claimantName?: (claimantId: string) => string | undefined;
}

/** One sentence a clerk can read, for the case's history and the audit trail, for every recovery event. */
export function describeRecoveryEvent(event: RecoveryEvent, lang: Lang, opts: RecoveryDescribeOptions = {}): string {
  const zh = lang === 'zh';
  const staff = (id: string) => opts.staffName?.(id) ?? (zh ? `员工 ${id}` : `staff member ${id}`);
  const worker = (id: string) => opts.claimantName?.(id) ?? (zh ? `申请人 ${id}` : `claimant ${id}`);
  const actorId = opts.actorId ?? actorOf(event);
  const s = actorId ? `${staff(actorId)} ` : '';
  const by = actorId ? ` by ${staff(actorId)}` : '';
  const money = (fen: number) => formatYuan(fen, lang);
  const people = (n: number) => (zh ? `${n}名职工` : `${n} worker${n === 1 ? '' : 's'}`);

  switch (event.type) {
    case 'RecoveryOpened': {
      const { workers, totalOwedFen } = event.data;
      return zh
        ? `${s}依调解协议建立追欠台账：${people(workers.length)}，应得合计${money(totalOwedFen)}`
        : `Recovery ledger opened${by} from the agreement: ${people(workers.length)} owed ${money(totalOwedFen)} in total`;
    }
    case 'OwedRebased': {
      const { previousTotalFen, totalOwedFen, reason } = event.data;
      return zh
        ? `${s}按变更后的调解协议调整应得金额：${money(previousTotalFen)} → ${money(totalOwedFen)}（理由：${brief(reason)}）`
        : `Amounts owed re-based${by} on the amended agreement: ${money(previousTotalFen)} → ${money(totalOwedFen)} (reason: ${brief(reason)})`;
    }
    case 'PaymentPlanSet': {
      const { instalments, totalFen } = event.data;
      return zh
        ? `${s}制定了分期付款计划：分${instalments.length}期，合计${money(totalFen)}（${dates(instalments, lang)}）`
        : `Payment plan set${by}: ${instalments.length} instalment${instalments.length === 1 ? '' : 's'}, ${money(totalFen)} in total (${dates(instalments, lang)})`;
    }
    case 'PaymentPlanAmended': {
      const { instalments, totalFen, reason } = event.data;
      return zh
        ? `${s}变更了分期付款计划：分${instalments.length}期，合计${money(totalFen)}（${dates(instalments, lang)}；理由：${brief(reason)}）`
        : `Payment plan amended${by}: ${instalments.length} instalment${instalments.length === 1 ? '' : 's'}, ${money(totalFen)} in total (${dates(instalments, lang)}; reason: ${brief(reason)})`;
    }
    case 'ReceiptRecorded': {
      const { amountFen, receivedOn, channel, receiptNo, allocation, allocations } = event.data;
      const how = allocation === 'pro_rata' ? (zh ? '按尚欠比例' : 'pro rata to what each is still owed') : zh ? '按指定金额' : 'as specified';
      return zh
        ? `${s}登记用人单位来款${money(amountFen)}（${receivedOn}，${RECEIPT_CHANNEL_LABELS[channel].zh}，收据 ${receiptNo}），${how}分配给${people(allocations.length)}`
        : `Receipt of ${money(amountFen)} from the employer recorded${by} (${receivedOn}, ${RECEIPT_CHANNEL_LABELS[channel].en}, receipt ${receiptNo}), allocated ${how} to ${people(allocations.length)}`;
    }
    case 'PayoutRecorded': {
      const { claimantId, amountFen, fromHeldFen, paidOn, method, reference } = event.data;
      const held = fromHeldFen > 0 ? (zh ? `，其中暂存款${money(fromHeldFen)}` : `, ${money(fromHeldFen)} of it held money`) : '';
      return zh
        ? `${s}向${worker(claimantId)}发放${money(amountFen)}（${paidOn}，${PAYOUT_METHOD_LABELS[method].zh}，凭证 ${reference}${held}）`
        : `${money(amountFen)} paid to ${worker(claimantId)}${by} (${paidOn}, ${PAYOUT_METHOD_LABELS[method].en}, reference ${reference}${held})`;
    }
    case 'MoneyHeld': {
      const { claimantId, amountFen, heldOn, reason } = event.data;
      return zh
        ? `${s}暂存${worker(claimantId)}的款项${money(amountFen)}（${heldOn}；原因：${brief(reason)}）`
        : `${money(amountFen)} held for ${worker(claimantId)}${by} (${heldOn}; reason: ${brief(reason)})`;
    }
    case 'WriteOffRequested': {
      const { claimantId, amountFen, reason } = event.data;
      return zh
        ? `${s}申请核销${worker(claimantId)}尚欠的${money(amountFen)}（理由：${brief(reason)}）`
        : `Write-off of ${money(amountFen)} still owed to ${worker(claimantId)} requested${by} (reason: ${brief(reason)})`;
    }
    case 'WriteOffApproved': {
      const { claimantId, amountFen } = event.data;
      return zh ? `${s}批准核销${worker(claimantId)}的${money(amountFen)}` : `Write-off of ${money(amountFen)} for ${worker(claimantId)} approved${by}`;
    }
    case 'WriteOffRejected': {
      const { claimantId, reason } = event.data;
      return zh
        ? `${s}驳回了${worker(claimantId)}的核销申请（理由：${brief(reason)}）`
        : `Write-off for ${worker(claimantId)} rejected${by} (reason: ${brief(reason)})`;
    }
    case 'RecoveryCompleted': {
      const { totalOwedFen, paidFen, writtenOffFen } = event.data;
      const off = writtenOffFen > 0 ? (zh ? `，核销${money(writtenOffFen)}` : `, ${money(writtenOffFen)} written off`) : '';
      return zh
        ? `追欠完成：应得${money(totalOwedFen)}，已发放${money(paidFen)}${off}；可以“协议履行完毕”结案`
        : `Recovery complete: ${money(totalOwedFen)} owed, ${money(paidFen)} paid${off}; the case can be closed as agreement fulfilled`;
    }
    case 'InstalmentDueWarned': {
      const { number, dueOn, amountFen, coveredFen, daysLeft, responsibleId } = event.data;
      const whom = responsibleId ? (zh ? `；承办调解员：${staff(responsibleId)}` : `; mediator: ${staff(responsibleId)}`) : '';
      const paid = coveredFen > 0 ? (zh ? `，已付${money(coveredFen)}` : `, ${money(coveredFen)} of it paid`) : '';
      const left = zh
        ? daysLeft >= 0 ? `还剩${daysLeft}天` : `已过到期日${-daysLeft}天，尚在宽限期内`
        : daysLeft >= 0 ? `${daysLeft} day${daysLeft === 1 ? '' : 's'} left` : `${-daysLeft} day${daysLeft === -1 ? '' : 's'} past it, within the grace`;
      return zh
        ? `系统提醒：第${number}期分期款${money(amountFen)}将于${dueOn}到期（${left}${paid}${whom}）`
        : `Reminder from the system: instalment ${number} of ${money(amountFen)} is due on ${dueOn} (${left}${paid}${whom})`;
    }
    case 'InstalmentMissed': {
      const { number, dueOn, amountFen, coveredFen, graceDays, daysOver, responsibleId } = event.data;
      const whom = responsibleId ? (zh ? `，承办调解员：${staff(responsibleId)}` : `; mediator: ${staff(responsibleId)}`) : '';
      return zh
        ? `系统记录：第${number}期分期款${money(amountFen)}于${dueOn}到期，宽限${graceDays}日后仍未足额支付（已付${money(coveredFen)}，逾期${daysOver}天${whom}）`
        : `Recorded by the system: instalment ${number} of ${money(amountFen)} due on ${dueOn} was not paid in full within the ${graceDays}-day grace (${money(coveredFen)} paid; ${daysOver} day${daysOver === 1 ? '' : 's'} over${whom})`;
    }
    case 'WriteOffApprovalWarned': {
      const { claimantId, amountFen, requestedOn, dueOn, daysLeft } = event.data;
      return zh
        ? `系统提醒：${requestedOn}提出的核销${worker(claimantId)}${money(amountFen)}的申请尚待主管审批，审批期限至${dueOn}（还剩${daysLeft}天）`
        : `Reminder from the system: the write-off of ${money(amountFen)} for ${worker(claimantId)} requested on ${requestedOn} waits for a supervisor until ${dueOn} (${daysLeft} day${daysLeft === 1 ? '' : 's'} left)`;
    }
    case 'WriteOffApprovalMissed': {
      const { claimantId, amountFen, requestedOn, dueOn, daysOver } = event.data;
      return zh
        ? `系统记录：${requestedOn}提出的核销${worker(claimantId)}${money(amountFen)}的申请至${dueOn}仍未审批（逾期${daysOver}天，待主管审批）`
        : `Recorded by the system: the write-off of ${money(amountFen)} for ${worker(claimantId)} requested on ${requestedOn} was still undecided on ${dueOn} (${daysOver} day${daysOver === 1 ? '' : 's'} over; a supervisor decides)`;
    }
    default: {
      const unhandled: never = event;
      return String((unhandled as { type: unknown }).type);
    }
  }
}

function actorOf(event: RecoveryEvent): string | undefined {
  switch (event.type) {
    case 'WriteOffRequested':
      return event.data.requestedBy;
    case 'WriteOffApproved':
      return event.data.approvedBy;
    case 'WriteOffRejected':
      return event.data.rejectedBy;
    default:
      return undefined;
  }
}

function dates(instalments: readonly { dueOn: string }[], lang: Lang): string {
  const shown = instalments.slice(0, 4).map((i) => i.dueOn);
  return shown.join(lang === 'zh' ? '、' : ', ') + (instalments.length > 4 ? '…' : '');
}

function brief(text: string, max = 40): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}
