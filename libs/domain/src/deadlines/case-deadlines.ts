// The case's own deadline commands: the mediation clock paused and resumed (by its mediator or
// a supervisor, with a reason the policy allows), and a deadline checked (by the system, when a
// job fires). The policies in force come in with the command, like the time.
import type { Command } from '../shared/command.js';
import { beijingDay, type IsoDay } from '../shared/dates.js';
import type { CommandContext } from '../shared/messages.js';
import type { DisputeCase, DisputeCaseEvent } from '../disputes/dispute-case.events.js';
import { caseDeadline, mediationDeadline, noticeDue, type CaseClockFacts } from './deadline-calculator.js';
import { daysBetween, storedBeijingDay } from './deadline-days.js';
import { deadlineRules as broken } from './deadline.errors.js';
import { CASE_DEADLINE_KINDS, PAUSE_REASONS, type CaseDeadlineKind, type DeadlinePolicies, type PauseReason } from './deadline-policies.js';

export type PauseMediationClock = Command<'PauseMediationClock', { caseId: string; reason: PauseReason; note: string; policies: DeadlinePolicies }>;
export type ResumeMediationClock = Command<'ResumeMediationClock', { caseId: string; policies: DeadlinePolicies }>;
/** Sent by a deadline job: records a warning or a miss if, on fresh state, one is due. */
export type CheckDeadline = Command<'CheckDeadline', { caseId: string; kind: CaseDeadlineKind; policies: DeadlinePolicies }>;
export type CaseDeadlineCommand = PauseMediationClock | ResumeMediationClock | CheckDeadline;

/** The facts a case's deadlines depend on, in Beijing days. */
export function caseClockFacts(state: DisputeCase): CaseClockFacts {
  const followUps = state.followUps.map((f) => storedBeijingDay(f.at)).sort();
  const first = (state.agreements ?? (state.agreement ? [state.agreement] : []))[0];
  return {
    receivedOn: storedBeijingDay(state.receivedAt),
    pauses: state.mediationPauses ?? [],
    agreementOn: first ? storedBeijingDay(first.reachedAt) : null,
    lastFollowUpOn: followUps.at(-1) ?? null,
    closedOn: state.status === 'closed' && state.closedAt ? storedBeijingDay(state.closedAt) : null,
  };
}

type CaseToChange = (caseId: string, ctx: CommandContext) => DisputeCase;

export function pauseMediationClock({ data, ctx }: PauseMediationClock, changeable: CaseToChange): DisputeCaseEvent[] {
  const dispute = changeable(data.caseId, ctx);
  const reason = (PAUSE_REASONS as readonly unknown[]).includes(data.reason) ? data.reason : broken.pauseReasonUnknown(data.reason);
  const allowed = data.policies.mediation.pauseReasons;
  if (!allowed.includes(reason)) broken.pauseReasonNotAllowed(reason, allowed);
  const note = typeof data.note === 'string' && data.note.trim() ? data.note : broken.pauseNoteRequired();
  const today = beijingDay(ctx.now);
  const clock = mediationDeadline(caseClockFacts(dispute), data.policies, today);
  if (clock.status === 'paused') broken.clockAlreadyPaused(dispute.caseId, (dispute.mediationPauses ?? []).find((p) => p.to === null)!.from);
  if (clock.status !== 'running') broken.clockStopped(dispute.caseId);
  if (today > clock.dueOn) broken.periodEnded(dispute.caseId, clock.dueOn);
  return [{ type: 'MediationClockPaused', data: { caseId: dispute.caseId, reason, note, pausedOn: today, pausedBy: ctx.actor.staffId, pausedAt: ctx.now } }];
}

export function resumeMediationClock({ data, ctx }: ResumeMediationClock, changeable: CaseToChange): DisputeCaseEvent[] {
  const dispute = changeable(data.caseId, ctx);
  const open = (dispute.mediationPauses ?? []).find((p) => p.to === null) ?? broken.clockNotPaused(dispute.caseId);
  const today: IsoDay = beijingDay(ctx.now);
  const resumed = { ...dispute, mediationPauses: (dispute.mediationPauses ?? []).map((p) => (p === open ? { ...p, to: today } : p)) };
  const { dueOn } = mediationDeadline(caseClockFacts(resumed), data.policies, today);
  return [
    {
      type: 'MediationClockResumed',
      data: { caseId: dispute.caseId, resumedOn: today, pausedDays: Math.max(0, daysBetween(open.from, today)), dueOn, resumedBy: ctx.actor.staffId, resumedAt: ctx.now },
    },
  ];
}

/** Re-reads the deadline on the case as it stands now: nothing when it was met, paused, moved, or already recorded. */
export function checkDeadline({ data, ctx }: CheckDeadline, dispute: DisputeCase): DisputeCaseEvent[] {
  if (ctx.actor.role !== 'system') broken.systemOnly();
  const kind = (CASE_DEADLINE_KINDS as readonly unknown[]).includes(data.kind) ? data.kind : broken.systemOnly();
  const today = beijingDay(ctx.now);
  const d = caseDeadline(kind, caseClockFacts(dispute), data.policies, today);
  const level = noticeDue(d, ctx.now, dispute.deadlineNotices ?? []);
  const common = { caseId: dispute.caseId, kind, dueOn: d.dueOn, responsibleId: dispute.mediatorId, policyRevision: data.policies.revision };
  if (level === 'warned') return [{ type: 'DeadlineWarned', data: { ...common, warnOn: d.warnOn, daysLeft: daysBetween(today, d.dueOn) } }];
  if (level === 'missed') return [{ type: 'DeadlineMissed', data: { ...common, daysOver: Math.max(1, daysBetween(d.dueOn, today)) } }];
  return [];
}
