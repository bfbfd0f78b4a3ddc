import type { Command } from '../../shared/command.js';
import type { CommandContext, Decider } from '../../shared/messages.js';
import { DomainError } from '../../shared/domain-error.js';
import { requireAmount } from '../../shared/money.js';
import { PROGRAMME_KINDS, WORKERS_HOME_SUBSIDY_FEN, type FundKind, type ProgrammeKind } from '../aid-labels.js';
import { requireOneOf, text } from '../aid-checks.js';
import { programmeRules as broken } from './aid-programme.errors.js';
import { evolve, initialState, type AidProgrammeEvent, type AidProgrammeState, type ProgrammeTerms, type Season } from './aid-programme.events.js';

export type CreateAidProgramme = Command<
  'CreateAidProgramme',
  {
    programmeId: string;
    kind: ProgrammeKind;
    name: string;
    fundId: string;
    season?: Season | null;
    perBeneficiaryCapFen: number;
    /** The fund as the application read it: null when no such fund was opened. */
    fund: { fundId: string; kind: FundKind } | null;
  }
>;
export type ChangeAidProgrammeTerms = Command<
  'ChangeAidProgrammeTerms',
  { programmeId: string; name: string; season?: Season | null; perBeneficiaryCapFen: number; reason: string }
>;
export type CloseAidProgramme = Command<'CloseAidProgramme', { programmeId: string; reason: string }>;

export type AidProgrammeCommand = CreateAidProgramme | ChangeAidProgrammeTerms | CloseAidProgramme;

type Decided = AidProgrammeEvent[];

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function administrator(ctx: CommandContext): void {
  if (ctx.actor.role !== 'administrator') broken.administratorOnly();
}

/** Days in each month of a year that has a 29 February (a season may end on it). */
const MONTH_LENGTHS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `MM-DD` naming a day some year has: not 02-30, not 04-31. */
function isMonthDay(value: unknown): boolean {
  if (!MONTH_DAY.test(String(value))) return false;
  const [month, day] = String(value).split('-').map(Number);
  return day <= MONTH_LENGTHS[month - 1];
}

function checkSeason(season: Season | null | undefined): Season | null {
  if (season === undefined || season === null) return null;
  if (typeof season !== 'object' || !isMonthDay(season.from) || !isMonthDay(season.to)) broken.seasonInvalid(season);
  return { from: season.from, to: season.to };
}

function checkCap(kind: ProgrammeKind, cap: unknown): number {
  // An amount a person enters: the kernel's ceiling (requireAmount), and above zero.
  let fen: number;
  try {
    fen = requireAmount(cap);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'AMOUNT_INVALID') throw error;
    return broken.capInvalid(cap, String(error.details.reason), error.details.limit as number | undefined);
  }
  if (fen === 0) return broken.capInvalid(cap, 'zero');
  if (kind === 'workers_home_subsidy' && fen !== WORKERS_HOME_SUBSIDY_FEN) broken.workersHomeCapFixed(WORKERS_HOME_SUBSIDY_FEN);
  return fen;
}

function existing(state: AidProgrammeState, programmeId: string): ProgrammeTerms {
  if (!state || state.programmeId !== programmeId) return broken.notFound(programmeId);
  if (!state.active) broken.closed(programmeId);
  return state;
}

export function createAidProgramme({ data, ctx }: CreateAidProgramme, state: AidProgrammeState): Decided {
  administrator(ctx);
  if (state) broken.alreadyCreated(data.programmeId);
  const kind = requireOneOf('kind', data.kind, PROGRAMME_KINDS);
  const name = text(data.name) || broken.nameRequired();
  if (!data.fund || data.fund.fundId !== data.fundId) return broken.fundNotFound(data.fundId);
  const medical = kind === 'medical_mutual_aid';
  if (medical !== (data.fund.kind === 'medical_mutual_aid')) broken.wrongFund(kind, data.fund.kind);
  return [
    {
      type: 'AidProgrammeCreated',
      data: {
        programmeId: data.programmeId,
        kind,
        name,
        fundId: data.fundId,
        season: checkSeason(data.season),
        perBeneficiaryCapFen: checkCap(kind, data.perBeneficiaryCapFen),
        createdBy: ctx.actor.staffId,
        createdAt: ctx.now,
      },
    },
  ];
}

export function changeAidProgrammeTerms({ data, ctx }: ChangeAidProgrammeTerms, state: AidProgrammeState): Decided {
  administrator(ctx);
  const programme = existing(state, data.programmeId);
  const name = text(data.name) || broken.nameRequired();
  const reason = text(data.reason) || broken.reasonRequired();
  const season = checkSeason(data.season);
  const perBeneficiaryCapFen = checkCap(programme.kind, data.perBeneficiaryCapFen);
  if (name === programme.name && JSON.stringify(season) === JSON.stringify(programme.season) && perBeneficiaryCapFen === programme.perBeneficiaryCapFen) return [];
  return [
    {
      type: 'AidProgrammeTermsChanged',
      data: { programmeId: programme.programmeId, name, season, perBeneficiaryCapFen, reason, changedBy: ctx.actor.staffId, changedAt: ctx.now },
    },
  ];
}

export function closeAidProgramme({ data, ctx }: CloseAidProgramme, state: AidProgrammeState): Decided {
  administrator(ctx);
  if (state && state.programmeId === data.programmeId && !state.active) return [];
  const programme = existing(state, data.programmeId);
  const reason = text(data.reason) || broken.reasonRequired();
  return [{ type: 'AidProgrammeClosed', data: { programmeId: programme.programmeId, reason, closedBy: ctx.actor.staffId, closedAt: ctx.now } }];
}

export function decide(command: AidProgrammeCommand, state: AidProgrammeState): Decided {
  switch (command.type) {
    case 'CreateAidProgramme':
      return createAidProgramme(command, state);
    case 'ChangeAidProgrammeTerms':
      return changeAidProgrammeTerms(command, state);
    case 'CloseAidProgramme':
      return closeAidProgramme(command, state);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

export const aidProgrammeDecider: Decider<AidProgrammeState, AidProgrammeCommand, AidProgrammeEvent> = { initialState, evolve, decide };
