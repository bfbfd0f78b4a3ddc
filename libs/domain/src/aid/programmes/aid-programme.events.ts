import type { DomainEvent } from '../../shared/messages.js';
import type { ProgrammeKind } from '../aid-labels.js';

export const aidProgrammeStreamName = (programmeId: string): string => `aid-programme-${programmeId}`;

/** When in the year a programme pays out, as month-day bounds; `to` before `from` runs over New Year (两节: Dec to Feb). */
export interface Season {
  readonly from: string;
  readonly to: string;
}

/** What a disbursement is checked against: the programme as it stands when the request is made. */
export interface ProgrammeTerms {
  readonly programmeId: string;
  readonly kind: ProgrammeKind;
  readonly name: string;
  readonly fundId: string;
  readonly season: Season | null;
  /** The most one beneficiary may receive under this programme in one calendar year. */
  readonly perBeneficiaryCapFen: number;
  readonly active: boolean;
}

export type AidProgrammeCreated = DomainEvent<
  'AidProgrammeCreated',
  {
    programmeId: string;
    kind: ProgrammeKind;
    name: string;
    fundId: string;
    season: Season | null;
    perBeneficiaryCapFen: number;
    createdBy: string;
    createdAt: string;
  }
>;
export type AidProgrammeTermsChanged = DomainEvent<
  'AidProgrammeTermsChanged',
  {
    programmeId: string;
    name: string;
    season: Season | null;
    perBeneficiaryCapFen: number;
    reason: string;
    changedBy: string;
    changedAt: string;
  }
>;
export type AidProgrammeClosed = DomainEvent<'AidProgrammeClosed', { programmeId: string; reason: string; closedBy: string; closedAt: string }>;

export type AidProgrammeEvent = AidProgrammeCreated | AidProgrammeTermsChanged | AidProgrammeClosed;

export type AidProgrammeState = ProgrammeTerms | null;

export const initialState = (): AidProgrammeState => null;

export function evolve(state: AidProgrammeState, event: AidProgrammeEvent): AidProgrammeState {
  switch (event.type) {
    case 'AidProgrammeCreated': {
      const { programmeId, kind, name, fundId, season, perBeneficiaryCapFen } = event.data;
      return { programmeId, kind, name, fundId, season, perBeneficiaryCapFen, active: true };
    }
    case 'AidProgrammeTermsChanged': {
      if (!state) return state;
      const { name, season, perBeneficiaryCapFen } = event.data;
      return { ...state, name, season, perBeneficiaryCapFen };
    }
    case 'AidProgrammeClosed':
      return state && { ...state, active: false };
    default:
      void (event satisfies never);
      return state;
  }
}

/** Whether a Beijing day (`YYYY-MM-DD`) falls in the season; a programme without one runs all year. */
export function inSeason(season: Season | null, day: string): boolean {
  if (!season) return true;
  const md = day.slice(5);
  return season.from <= season.to ? md >= season.from && md <= season.to : md >= season.from || md <= season.to;
}
