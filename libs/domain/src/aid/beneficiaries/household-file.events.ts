import type { IsoDay } from '../../shared/dates.js';
import type { DomainEvent } from '../../shared/messages.js';
import type { HardshipCause } from './beneficiary-labels.js';

/**
 * A hardship household file (困难职工档案): one stream per worker's household. A file is opened,
 * may be closed when the household is out of hardship, and opened again if hardship returns;
 * each open period is kept, so "was the file open on this day" is answered from the events.
 */
export const householdStreamName = (householdId: string): string => `aid-household-${householdId}`;

/** What the file says about the household, as of its latest opening. */
export interface HouseholdCircumstances {
  householdSize: number;
  cause: HardshipCause;
  /** The clerk's own words on the hardship (illness, accident, ...), Chinese text as written. */
  causeNote?: string;
  /** 家庭人均月收入, whole fen. */
  monthlyIncomePerPersonFen: number;
  /** 单亲母亲家庭 (三八助单亲). */
  singleMother: boolean;
}

export type HouseholdFileOpened = DomainEvent<
  'HouseholdFileOpened',
  HouseholdCircumstances & {
    householdId: string;
    /** The worker as registered for cases (/api/workers). */
    workerId: string;
    workerName: string;
    openedOn: IsoDay;
    reason: string;
    openedBy: string;
  }
>;
export type HouseholdFileClosed = DomainEvent<
  'HouseholdFileClosed',
  { householdId: string; closedOn: IsoDay; reason: string; closedBy: string }
>;
export type HouseholdFileReopened = DomainEvent<
  'HouseholdFileReopened',
  HouseholdCircumstances & { householdId: string; openedOn: IsoDay; reason: string; openedBy: string }
>;
export type HouseholdFileEvent = HouseholdFileOpened | HouseholdFileClosed | HouseholdFileReopened;

export interface OpenPeriod {
  readonly openedOn: IsoDay;
  /** null while the file is open. */
  readonly closedOn: IsoDay | null;
}

interface HouseholdFileBase extends HouseholdCircumstances {
  readonly householdId: string;
  readonly workerId: string;
  readonly workerName: string;
  /** Oldest first; the last is the current (or the latest) one. */
  readonly periods: readonly OpenPeriod[];
}
export interface OpenHouseholdFile extends HouseholdFileBase {
  readonly status: 'open';
}
export interface ClosedHouseholdFile extends HouseholdFileBase {
  readonly status: 'closed';
  readonly closedOn: IsoDay;
}
export type HouseholdFile = OpenHouseholdFile | ClosedHouseholdFile;
/** null until the file is opened. */
export type HouseholdFileState = HouseholdFile | null;

export const initialHouseholdState = (): HouseholdFileState => null;

function circumstances(data: HouseholdCircumstances): HouseholdCircumstances {
  const { householdSize, cause, causeNote, monthlyIncomePerPersonFen, singleMother } = data;
  return { householdSize, cause, ...(causeNote ? { causeNote } : {}), monthlyIncomePerPersonFen, singleMother };
}

export function evolveHousehold(state: HouseholdFileState, event: HouseholdFileEvent): HouseholdFileState {
  switch (event.type) {
    case 'HouseholdFileOpened': {
      const { householdId, workerId, workerName, openedOn } = event.data;
      return { status: 'open', householdId, workerId, workerName, ...circumstances(event.data), periods: [{ openedOn, closedOn: null }] };
    }
    case 'HouseholdFileClosed': {
      if (!state) return state;
      const { closedOn } = event.data;
      const periods = state.periods.map((p, i) => (i === state.periods.length - 1 ? { ...p, closedOn } : p));
      return { ...state, status: 'closed', closedOn, periods };
    }
    case 'HouseholdFileReopened': {
      if (!state) return state;
      const { householdId, workerId, workerName, periods } = state;
      const opened = { openedOn: event.data.openedOn, closedOn: null };
      return { status: 'open', householdId, workerId, workerName, ...circumstances(event.data), periods: [...periods, opened] };
    }
    default:
      void (event satisfies never);
      return state;
  }
}

/** Whether the file was open on `day`: opened on or before it and not yet closed (a file closed on a day is closed from that day). */
export function householdOpenOn(state: HouseholdFileState, day: IsoDay): boolean {
  return !!state && state.periods.some((p) => p.openedOn <= day && (p.closedOn === null || p.closedOn > day));
}
