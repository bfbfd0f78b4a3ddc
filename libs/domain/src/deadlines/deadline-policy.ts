// The deadline policies: one stream, administrator's commands, every change an event, so the
// history of what the federation required, and since when, is auditable.
import type { Command } from '../shared/command.js';
import type { Decider, DomainEvent } from '../shared/messages.js';
import { deadlineRules as broken } from './deadline.errors.js';
import {
  APPROVAL_KINDS,
  DEFAULT_POLICIES,
  LAW_MEDIATION_DAYS,
  PAUSE_REASONS,
  approvalPolicy,
  type ApprovalKind,
  type ApprovalPolicy,
  type CadreDutiesPolicy,
  type InstalmentPolicy,
  type DeadlinePolicies,
  type FollowUpPolicy,
  type MediationPolicy,
} from './deadline-policies.js';

export const DEADLINE_POLICY_STREAM = 'deadline-policies';

interface SetBy {
  setBy: string;
  setAt: string;
  reason?: string;
}
export type MediationPolicySet = DomainEvent<'MediationPolicySet', { policy: MediationPolicy; previous: MediationPolicy } & SetBy>;
export type FollowUpPolicySet = DomainEvent<'FollowUpPolicySet', { policy: FollowUpPolicy; previous: FollowUpPolicy } & SetBy>;
export type CadreDutiesPolicySet = DomainEvent<'CadreDutiesPolicySet', { policy: CadreDutiesPolicy; previous: CadreDutiesPolicy } & SetBy>;
export type InstalmentPolicySet = DomainEvent<'InstalmentPolicySet', { policy: InstalmentPolicy; previous: InstalmentPolicy } & SetBy>;
export type ApprovalPolicySet = DomainEvent<'ApprovalPolicySet', { kind: ApprovalKind; policy: ApprovalPolicy; previous: ApprovalPolicy } & SetBy>;
export type DeadlinePolicyEvent = MediationPolicySet | FollowUpPolicySet | CadreDutiesPolicySet | InstalmentPolicySet | ApprovalPolicySet;

export type SetMediationPolicy = Command<'SetMediationPolicy', MediationPolicy & { reason?: string }>;
export type SetFollowUpPolicy = Command<'SetFollowUpPolicy', FollowUpPolicy & { reason?: string }>;
export type SetCadreDutiesPolicy = Command<'SetCadreDutiesPolicy', CadreDutiesPolicy & { reason?: string }>;
export type SetInstalmentPolicy = Command<'SetInstalmentPolicy', InstalmentPolicy & { reason?: string }>;
export type SetApprovalPolicy = Command<'SetApprovalPolicy', { kind: ApprovalKind } & ApprovalPolicy & { reason?: string }>;
export type DeadlinePolicyCommand = SetMediationPolicy | SetFollowUpPolicy | SetCadreDutiesPolicy | SetInstalmentPolicy | SetApprovalPolicy;

/** The policies in force; `revision` counts the changes (-1: none, the defaults). */
export type DeadlinePolicyState = DeadlinePolicies;

export function evolve(state: DeadlinePolicyState, event: DeadlinePolicyEvent): DeadlinePolicyState {
  const revision = state.revision + 1;
  switch (event.type) {
    case 'MediationPolicySet':
      return { ...state, mediation: event.data.policy, revision };
    case 'FollowUpPolicySet':
      return { ...state, followUp: event.data.policy, revision };
    case 'CadreDutiesPolicySet':
      return { ...state, cadreDuties: event.data.policy, revision };
    case 'InstalmentPolicySet':
      return { ...state, instalment: event.data.policy, revision };
    case 'ApprovalPolicySet':
      return event.data.kind === 'disbursement_approval' ? { ...state, disbursementApproval: event.data.policy, revision } : { ...state, writeOffApproval: event.data.policy, revision };
    default:
      void (event satisfies never);
      return state;
  }
}

function whole(field: string, value: unknown, min: number, max: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : broken.numberOutOfRange(field, value, min, max);
}

const reasonOf = (reason: unknown) => (typeof reason === 'string' && reason.trim() ? { reason: reason.trim() } : {});

function same<T>(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function decide(command: DeadlinePolicyCommand, state: DeadlinePolicyState): DeadlinePolicyEvent[] {
  const { ctx, data } = command;
  if (ctx.actor.role !== 'administrator') broken.administratorOnly();
  const setBy = { setBy: ctx.actor.staffId, setAt: ctx.now, ...reasonOf(data.reason) };
  switch (command.type) {
    case 'SetMediationPolicy': {
      const d = command.data;
      if (typeof d.days === 'number' && Number.isInteger(d.days) && d.days > LAW_MEDIATION_DAYS) broken.mediationBeyondLaw(d.days);
      const days = whole('days', d.days, 1, LAW_MEDIATION_DAYS);
      const warnDaysBefore = whole('warnDaysBefore', d.warnDaysBefore, 0, days - 1);
      const reasons = Array.isArray(d.pauseReasons) ? d.pauseReasons : broken.pauseReasonUnknown(d.pauseReasons);
      for (const r of reasons) if (!(PAUSE_REASONS as readonly unknown[]).includes(r)) broken.pauseReasonUnknown(r);
      const policy: MediationPolicy = { days, warnDaysBefore, pauseReasons: PAUSE_REASONS.filter((r) => reasons.includes(r)) };
      return same(policy, state.mediation) ? [] : [{ type: 'MediationPolicySet', data: { policy, previous: state.mediation, ...setBy } }];
    }
    case 'SetFollowUpPolicy': {
      const intervalMonths = whole('intervalMonths', command.data.intervalMonths, 1, 12);
      const warnDaysBefore = whole('warnDaysBefore', command.data.warnDaysBefore, 0, 27);
      const policy: FollowUpPolicy = { intervalMonths, warnDaysBefore };
      return same(policy, state.followUp) ? [] : [{ type: 'FollowUpPolicySet', data: { policy, previous: state.followUp, ...setBy } }];
    }
    case 'SetCadreDutiesPolicy': {
      const d = command.data;
      const policy: CadreDutiesPolicy = {
        trainingsPerYear: whole('trainingsPerYear', d.trainingsPerYear, 0, 52),
        keyEnterpriseVisitsPerQuarter: whole('keyEnterpriseVisitsPerQuarter', d.keyEnterpriseVisitsPerQuarter, 0, 13),
        followUpsPerMonth: whole('followUpsPerMonth', d.followUpsPerMonth, 0, 31),
      };
      return same(policy, state.cadreDuties) ? [] : [{ type: 'CadreDutiesPolicySet', data: { policy, previous: state.cadreDuties, ...setBy } }];
    }
    case 'SetInstalmentPolicy': {
      const policy: InstalmentPolicy = {
        graceDays: whole('graceDays', command.data.graceDays, 0, 60),
        warnDaysBefore: whole('warnDaysBefore', command.data.warnDaysBefore, 0, 30),
      };
      return same(policy, state.instalment) ? [] : [{ type: 'InstalmentPolicySet', data: { policy, previous: state.instalment, ...setBy } }];
    }
    case 'SetApprovalPolicy': {
      const d = command.data;
      const kind = (APPROVAL_KINDS as readonly unknown[]).includes(d.kind) ? d.kind : broken.approvalKindUnknown(d.kind);
      const days = whole('days', d.days, 1, 60);
      const policy: ApprovalPolicy = { days, warnDaysBefore: whole('warnDaysBefore', d.warnDaysBefore, 0, days - 1) };
      const previous = approvalPolicy(state, kind);
      return same(policy, previous) ? [] : [{ type: 'ApprovalPolicySet', data: { kind, policy, previous, ...setBy } }];
    }
    default: {
      const unhandled: never = command;
      throw new Error(`Unknown deadline policy command: ${JSON.stringify(unhandled)}`);
    }
  }
}

export const deadlinePolicyDecider: Decider<DeadlinePolicyState, DeadlinePolicyCommand, DeadlinePolicyEvent> = {
  initialState: () => DEFAULT_POLICIES,
  evolve,
  decide,
};
