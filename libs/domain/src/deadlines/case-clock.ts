// A case's clock as the deadlines read model keeps it: the facts its deadlines depend on, the
// notices recorded, and which event last (re)started each deadline (scheduled jobs are named by it).
import { storedBeijingDay as beijingDay } from './deadline-days.js';
import type { DisputeCaseEvent } from '../disputes/dispute-case.events.js';
import type { CaseClockFacts, DeadlineNotice } from './deadline-calculator.js';
import type { CaseDeadlineKind } from './deadline-policies.js';

export interface CaseClock {
  readonly caseId: string;
  readonly title: string;
  readonly mediatorId: string | null;
  readonly facts: CaseClockFacts;
  readonly notices: readonly DeadlineNotice[];
  /** The event that last started or restarted each deadline (opened, resumed, followed up, reopened). */
  readonly causes: Readonly<Record<CaseDeadlineKind, string>>;
}

/** Folds one case event into its clock; the same clock object back means "nothing the deadlines depend on changed". */
export function evolveCaseClock(clock: CaseClock | null, event: DisputeCaseEvent, eventId: string): CaseClock | null {
  if (event.type === 'DisputeCaseOpened') {
    const { caseId, title, mediatorId, application } = event.data;
    const facts: CaseClockFacts = { receivedOn: beijingDay(application.receivedAt), pauses: [], agreementOn: null, lastFollowUpOn: null, closedOn: null };
    return { caseId, title, mediatorId, facts, notices: [], causes: { mediation: eventId, follow_up: eventId } };
  }
  if (!clock) return clock;
  const facts = (change: Partial<CaseClockFacts>) => ({ ...clock, facts: { ...clock.facts, ...change } });
  switch (event.type) {
    case 'MediatorAssigned':
      return { ...clock, mediatorId: event.data.mediatorId };
    case 'FollowUpRecorded': {
      const day = beijingDay(event.data.at);
      const last = clock.facts.lastFollowUpOn;
      return { ...facts({ lastFollowUpOn: last && last > day ? last : day }), causes: { ...clock.causes, follow_up: eventId } };
    }
    case 'AgreementReached':
      return clock.facts.agreementOn ? clock : facts({ agreementOn: beijingDay(event.data.reachedAt) });
    case 'CaseClosed':
      return facts({ closedOn: beijingDay(event.data.closedAt) });
    case 'IntakeDeclined':
      return facts({ closedOn: beijingDay(event.data.declinedAt) });
    case 'CaseReopened':
      return { ...facts({ closedOn: null }), causes: { mediation: eventId, follow_up: eventId } };
    case 'MediationClockPaused': {
      const { pausedOn: from, reason } = event.data;
      return facts({ pauses: [...clock.facts.pauses, { from, to: null, reason }] });
    }
    case 'MediationClockResumed': {
      const pauses = clock.facts.pauses.map((p) => (p.to === null ? { ...p, to: event.data.resumedOn } : p));
      return { ...facts({ pauses }), causes: { ...clock.causes, mediation: eventId } };
    }
    case 'DeadlineWarned':
    case 'DeadlineMissed': {
      const { kind, dueOn } = event.data;
      return { ...clock, notices: [...clock.notices, { kind, dueOn, level: event.type === 'DeadlineWarned' ? 'warned' : 'missed' }] };
    }
    default:
      return clock;
  }
}
