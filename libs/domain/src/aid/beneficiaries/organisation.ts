import type { IsoDay } from '../../shared/dates.js';
import type { Command } from '../../shared/command.js';
import type { CommandContext, Decider, DomainEvent } from '../../shared/messages.js';
import { WORKERS_HOME_LEVELS, WORKERS_HOME_LEVEL_LABELS, type WorkersHomeLevel } from './beneficiary-labels.js';
import { requireCount, requireDay, requireOneOf, requireReason, requireRecorder, requireYear, text } from './beneficiary.checks.js';
import { beneficiaryRules as broken } from './beneficiary.errors.js';

/**
 * A grassroots union organisation (基层工会组织): founded on a day, its members counted at dates
 * (so "how many members on a day" is the latest count by then), rated a Workers' Home (职工之家)
 * for some years, and perhaps dissolved.
 */
export const organisationStreamName = (organisationId: string): string => `organisation-${organisationId}`;

/** Trade unions in the town's records go back to the founding of the PRC. */
export const EARLIEST_FOUNDING_DAY: IsoDay = '1949-10-01';

export interface EnterpriseRef {
  /** The employer as registered (/api/employers), when it is. */
  employerId?: string;
  name: string;
}

export type CreateOrganisation = Command<
  'CreateOrganisation',
  { organisationId: string; name: string; enterprise: EnterpriseRef; foundedOn: string }
>;
export type RecordMemberCount = Command<'RecordMemberCount', { organisationId: string; countedOn: string; members: number }>;
export type RateWorkersHome = Command<'RateWorkersHome', { organisationId: string; year: number; level: WorkersHomeLevel }>;
export type DissolveOrganisation = Command<'DissolveOrganisation', { organisationId: string; dissolvedOn: string; reason: string }>;
export type OrganisationCommand = CreateOrganisation | RecordMemberCount | RateWorkersHome | DissolveOrganisation;

export type OrganisationCreated = DomainEvent<
  'OrganisationCreated',
  { organisationId: string; name: string; enterprise: EnterpriseRef; foundedOn: IsoDay; createdBy: string }
>;
export type MemberCountRecorded = DomainEvent<
  'MemberCountRecorded',
  { organisationId: string; countedOn: IsoDay; members: number; recordedBy: string }
>;
export type WorkersHomeRated = DomainEvent<
  'WorkersHomeRated',
  { organisationId: string; year: number; level: WorkersHomeLevel; ratedBy: string }
>;
export type OrganisationDissolved = DomainEvent<
  'OrganisationDissolved',
  { organisationId: string; dissolvedOn: IsoDay; reason: string; dissolvedBy: string }
>;
export type OrganisationEvent = OrganisationCreated | MemberCountRecorded | WorkersHomeRated | OrganisationDissolved;

export interface MemberCount {
  readonly countedOn: IsoDay;
  readonly members: number;
}
export interface WorkersHomeRating {
  readonly year: number;
  readonly level: WorkersHomeLevel;
}
export interface Organisation {
  readonly organisationId: string;
  readonly name: string;
  readonly enterprise: EnterpriseRef;
  readonly foundedOn: IsoDay;
  /** In the order recorded; a later count of the same day replaces an earlier one. */
  readonly memberCounts: readonly MemberCount[];
  readonly ratings: readonly WorkersHomeRating[];
  readonly dissolvedOn: IsoDay | null;
}
export type OrganisationState = Organisation | null;

function evolve(state: OrganisationState, event: OrganisationEvent): OrganisationState {
  switch (event.type) {
    case 'OrganisationCreated': {
      const { organisationId, name, enterprise, foundedOn } = event.data;
      return { organisationId, name, enterprise, foundedOn, memberCounts: [], ratings: [], dissolvedOn: null };
    }
    case 'MemberCountRecorded': {
      const { countedOn, members } = event.data;
      return state && { ...state, memberCounts: [...state.memberCounts.filter((c) => c.countedOn !== countedOn), { countedOn, members }] };
    }
    case 'WorkersHomeRated': {
      const { year, level } = event.data;
      return state && { ...state, ratings: [...state.ratings, { year, level }] };
    }
    case 'OrganisationDissolved':
      return state && { ...state, dissolvedOn: event.data.dissolvedOn };
    default:
      void (event satisfies never);
      return state;
  }
}

/** Founded on or before `day` and not dissolved by then. */
export function organisationExistsOn(state: OrganisationState, day: IsoDay): boolean {
  return !!state && state.foundedOn <= day && (state.dissolvedOn === null || state.dissolvedOn > day);
}

/** Members on `day`: the latest count made on or before it; 0 before the first count or when it does not exist that day. */
export function membersOn(state: OrganisationState, day: IsoDay): number {
  if (!state || !organisationExistsOn(state, day)) return 0;
  let latest: MemberCount | null = null;
  for (const c of state.memberCounts) if (c.countedOn <= day && (!latest || c.countedOn >= latest.countedOn)) latest = c;
  return latest?.members ?? 0;
}

/** The years rated a Workers' Home up to and including `day`'s year, ascending. */
export function workersHomeYearsBy(state: OrganisationState, day: IsoDay): number[] {
  const year = Number(day.slice(0, 4));
  return (state?.ratings ?? []).map((r) => r.year).filter((y) => y <= year).sort((a, b) => a - b);
}

function toChange(state: OrganisationState, organisationId: string, ctx: CommandContext): Organisation {
  requireRecorder(ctx);
  const organisation = state ?? broken.organisationNotFound(organisationId);
  if (organisation.dissolvedOn !== null) broken.organisationDissolved(organisation.organisationId);
  return organisation;
}

function createOrganisation({ data, ctx }: CreateOrganisation, state: OrganisationState): OrganisationEvent[] {
  requireRecorder(ctx);
  if (state) broken.organisationAlreadyCreated(state.organisationId);
  const name = text(data.name) || broken.nameRequired('organisationName');
  const enterpriseName = text(data.enterprise?.name) || broken.textRequired('enterprise');
  const employerId = text(data.enterprise?.employerId);
  const foundedOn = requireDay('foundedOn', data.foundedOn, ctx.now, { earliest: EARLIEST_FOUNDING_DAY });
  return [
    {
      type: 'OrganisationCreated',
      data: {
        organisationId: data.organisationId,
        name,
        enterprise: { ...(employerId ? { employerId } : {}), name: enterpriseName },
        foundedOn,
        createdBy: ctx.actor.staffId,
      },
    },
  ];
}

function recordMemberCount({ data, ctx }: RecordMemberCount, state: OrganisationState): OrganisationEvent[] {
  const organisation = toChange(state, data.organisationId, ctx);
  const countedOn = requireDay('countedOn', data.countedOn, ctx.now, { notBefore: { day: organisation.foundedOn, reason: 'before_founding' } });
  const members = requireCount('members', data.members, 0);
  const same = organisation.memberCounts.find((c) => c.countedOn === countedOn);
  if (same?.members === members) return [];
  return [{ type: 'MemberCountRecorded', data: { organisationId: organisation.organisationId, countedOn, members, recordedBy: ctx.actor.staffId } }];
}

/** One rating a year: the same rating again changes nothing; another level for the same year is refused. */
function rateWorkersHome({ data, ctx }: RateWorkersHome, state: OrganisationState): OrganisationEvent[] {
  const organisation = toChange(state, data.organisationId, ctx);
  const level = requireOneOf('level', data.level, WORKERS_HOME_LEVELS);
  const year = requireYear('year', data.year, ctx.now, Number(organisation.foundedOn.slice(0, 4)));
  const existing = organisation.ratings.find((r) => r.year === year);
  if (existing?.level === level) return [];
  if (existing) broken.workersHomeRatedOtherwise(year, WORKERS_HOME_LEVEL_LABELS[existing.level].en);
  return [{ type: 'WorkersHomeRated', data: { organisationId: organisation.organisationId, year, level, ratedBy: ctx.actor.staffId } }];
}

function dissolveOrganisation({ data, ctx }: DissolveOrganisation, state: OrganisationState): OrganisationEvent[] {
  const organisation = toChange(state, data.organisationId, ctx);
  const dissolvedOn = requireDay('dissolvedOn', data.dissolvedOn, ctx.now, {
    notBefore: { day: organisation.foundedOn, reason: 'before_founding' },
  });
  const reason = requireReason(data.reason);
  return [
    { type: 'OrganisationDissolved', data: { organisationId: organisation.organisationId, dissolvedOn, reason, dissolvedBy: ctx.actor.staffId } },
  ];
}

function decide(command: OrganisationCommand, state: OrganisationState): OrganisationEvent[] {
  switch (command.type) {
    case 'CreateOrganisation':
      return createOrganisation(command, state);
    case 'RecordMemberCount':
      return recordMemberCount(command, state);
    case 'RateWorkersHome':
      return rateWorkersHome(command, state);
    case 'DissolveOrganisation':
      return dissolveOrganisation(command, state);
    default: {
      const unhandled: never = command;
      throw new Error(`Unknown organisation command: ${JSON.stringify(unhandled)}`);
    }
  }
}

export const organisationDecider: Decider<OrganisationState, OrganisationCommand, OrganisationEvent> = {
  initialState: () => null,
  evolve,
  decide,
};
