import type { Command } from '../../shared/command.js';
import { rule } from '../../shared/domain-error.js';
import type { Decider, DomainEvent } from '../../shared/messages.js';

// A disbursement lives in its fund's stream; a command addressed to the disbursement alone
// (approve, pay, …) finds its fund here, in the log itself, so it never waits for a read model.
// Filed before the fund's append: a filing whose request then failed points to a fund that has
// no such disbursement, which the fund's decide answers (DISBURSEMENT_NOT_FOUND).

export const disbursementIndexStreamName = (disbursementId: string): string => `aid-disbursement-${disbursementId}`;

export type DisbursementFiled = DomainEvent<'DisbursementFiled', { disbursementId: string; fundId: string }>;
export type FileDisbursement = Command<'FileDisbursement', { disbursementId: string; fundId: string }>;

/** The fund the disbursement was filed under, or null. */
export type DisbursementIndexState = string | null;

export const disbursementIndexDecider: Decider<DisbursementIndexState, FileDisbursement, DisbursementFiled> = {
  initialState: () => null,
  evolve: (state, event) => state ?? event.data.fundId,
  decide: ({ data }, state) => {
    if (state === data.fundId) return [];
    if (state) rule('DISBURSEMENT_ID_TAKEN', 'This disbursement id belongs to another fund.', '该发放编号已用于另一个资金账户。', { disbursementId: data.disbursementId });
    return [{ type: 'DisbursementFiled', data: { disbursementId: data.disbursementId, fundId: data.fundId } }];
  },
};
