export * from './aid-labels.js';
export { AID_AMOUNT_FIELDS, requireEnteredAmount, type AidAmountField } from './aid-amounts.js';
export * from './beneficiary-facts.js';
export { PersistentMap } from './persistent-map.js';
export { describeAidEvent, type AidDescribeOptions } from './aid-describe.js';
export * from './disbursements/disbursement.js';
export { ineligibility, type IneligibleReason } from './disbursements/eligibility.js';
export {
  aidFundStreamName,
  balanceFen,
  availableFen,
  requireExactTotals,
  type Donor,
  type AidFundOpened,
  type AidIncomeRecorded,
  type AidIncomeCorrected,
  type AidFundEvent,
  type IncomeEntry,
  type IncomeCorrection,
  type AidFund,
  type AidFundState,
} from './funds/aid-fund.events.js';
export {
  aidFundDecider,
  type OpenAidFund,
  type RecordAidIncome,
  type CorrectAidIncome,
  type RequestDisbursement,
  type ApproveDisbursement,
  type RejectDisbursement,
  type PayDisbursement,
  type CancelDisbursement,
  type AidFundCommand,
} from './funds/aid-fund.decide.js';
export type { DisbursementApprovalWarned, DisbursementApprovalMissed, DisbursementApprovalDeadlineEvent } from './funds/approval-deadline.events.js';
export { AID_FUND_ERROR_CODES, type AidFundErrorCode } from './funds/aid-fund.errors.js';
export {
  aidProgrammeStreamName,
  inSeason,
  type Season,
  type ProgrammeTerms,
  type AidProgrammeCreated,
  type AidProgrammeTermsChanged,
  type AidProgrammeClosed,
  type AidProgrammeEvent,
  type AidProgrammeState,
} from './programmes/aid-programme.events.js';
export {
  aidProgrammeDecider,
  type CreateAidProgramme,
  type ChangeAidProgrammeTerms,
  type CloseAidProgramme,
  type AidProgrammeCommand,
} from './programmes/aid-programme.decide.js';
export {
  disbursementIndexDecider,
  disbursementIndexStreamName,
  type DisbursementFiled,
  type FileDisbursement,
  type DisbursementIndexState,
} from './disbursements/disbursement-index.js';
