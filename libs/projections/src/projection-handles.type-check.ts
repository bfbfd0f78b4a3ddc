/**
 * Type-level tests, checked by `npm run typecheck` (never run): a projection decides every event
 * type of its union, so one that forgets a type, or names one the union lacks, fails to compile.
 */
import type { DisputeCaseEvent, StaffRosterEvent } from '#domain';
import { defineProjection } from './projection.js';

export const decidesEveryType = defineProjection<StaffRosterEvent>({
  name: 'every-type',
  handles: { StaffAccountCreated: true, RoleGranted: true, RoleRevoked: true, StaffAccountDisabled: true, StaffAccountEnabled: true, PasswordChanged: false, StaffSignedOut: false },
  readModels: [],
});

export const forgetsOne = defineProjection<StaffRosterEvent>({
  name: 'forgets-one',
  // @ts-expect-error -- StaffSignedOut is neither handled nor passed over: a new event type cannot slip by
  handles: { StaffAccountCreated: true, RoleGranted: true, RoleRevoked: true, StaffAccountDisabled: true, StaffAccountEnabled: true, PasswordChanged: false },
  readModels: [],
});

export const namesAStranger = defineProjection<StaffRosterEvent>({
  name: 'names-a-stranger',
  handles: {
    StaffAccountCreated: true,
    RoleGranted: true,
    RoleRevoked: true,
    StaffAccountDisabled: true,
    StaffAccountEnabled: true,
    PasswordChanged: false,
    StaffSignedOut: false,
    // @ts-expect-error -- not an event of this union
    DisputeCaseOpened: true,
  },
  readModels: [],
});

export const readsNarrowedData = defineProjection<DisputeCaseEvent>({
  name: 'narrowed',
  handles: {
    DisputeCaseOpened: true,
    ClaimantsAdded: false,
    ClaimRecorded: false,
    IntakeAccepted: false,
    IntakeDeclined: false,
    MediatorAssigned: false,
    CaseReferred: false,
    ReferralAnswered: false,
    MediationSessionRecorded: false,
    FollowUpRecorded: false,
    AgreementReached: false,
    AgreementAmended: false,
    CaseClosed: false,
    CaseReopened: false,
    MediationClockPaused: false,
    MediationClockResumed: false,
    DeadlineWarned: false,
    DeadlineMissed: false,
  },
  readModels: [
    {
      table: 'titles',
      rowKey: (e) => e.data.caseId,
      // A switch on the type narrows the data: no cast in a projection.
      evolve: (row: string | null, e) => (e.type === 'DisputeCaseOpened' ? e.data.title : row),
      storage: { load: async () => new Map(), save: async () => undefined, reset: async () => undefined },
    },
  ],
});
