import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HOLD_AGE_LABELS, INSTALMENT_STATUS_LABELS, PAYOUT_METHODS, RECEIPT_CHANNELS } from '#domain';
import { PageAsOfView } from '../../audit/audit-views.dto.js';
import { PagedAnswer } from '../../shared/paged.dto.js';

const fen = (description: string) => ApiProperty({ type: 'integer', description: `${description}, in fen` });

/** The same parts for the case and for each worker: owed = paid + held + allocatedUnpaid + outstanding + writtenOff. */
export class MoneyParts {
  @fen('What the agreement in force says is owed') owedFen!: number;
  @fen('Paid out to the worker(s)') paidFen!: number;
  @fen('Allocated, held while the worker cannot be reached') heldFen!: number;
  @fen('Received from the employer and allocated, not yet paid out or held') allocatedUnpaidFen!: number;
  @fen('Not yet paid in by the employer') outstandingFen!: number;
  @fen('Written off (approved by a supervisor)') writtenOffFen!: number;
}

export class RecoveryTotalsView extends MoneyParts {
  @fen('Received from the employer: paid + held + allocatedUnpaid') receivedFen!: number;
}

export class PayoutView {
  @ApiProperty() payoutId!: string;
  @fen('Paid') amountFen!: number;
  @fen('Of it, money that had been held') fromHeldFen!: number;
  @ApiProperty({ example: '2026-04-02' }) paidOn!: string;
  @ApiProperty({ enum: PAYOUT_METHODS }) method!: string;
  @ApiProperty() reference!: string;
}

export class HoldView {
  @ApiProperty() holdId!: string;
  @fen('Held at first') amountFen!: number;
  @fen('Still held') remainingFen!: number;
  @ApiProperty({ example: '2026-04-02' }) heldOn!: string;
  @ApiProperty() reason!: string;
}

export class RecoveryWorkerView extends MoneyParts {
  @fen('Received for this worker (allocated to them): paid + held + allocatedUnpaid') receivedFen!: number;
  @ApiProperty() claimantId!: string;
  @ApiProperty({ nullable: true, type: String }) workerId!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [PayoutView] }) payouts!: PayoutView[];
  @ApiProperty({ type: [HoldView] }) holds!: HoldView[];
}

export class InstalmentView {
  @ApiProperty({ type: 'integer' }) number!: number;
  @ApiProperty({ example: '2026-07-31' }) dueOn!: string;
  @fen('Due') amountFen!: number;
  @fen('Covered by what was received (and written off) by the day asked about') coveredFen!: number;
  @ApiProperty({ enum: Object.keys(INSTALMENT_STATUS_LABELS), description: 'paid; late (past due, not covered); partly_paid; due' }) status!: string;
  @ApiProperty({ description: 'The state in the language asked for' }) statusLabel!: string;
  @ApiProperty({ description: 'The system recorded it missed (InstalmentMissed: not paid in full by the due day plus the grace)' }) missed!: boolean;
}

export class AllocationView {
  @ApiProperty() claimantId!: string;
  @fen('Allocated to this worker') amountFen!: number;
}

export class ReceiptView {
  @ApiProperty() receiptId!: string;
  @fen('Received') amountFen!: number;
  @ApiProperty({ example: '2026-04-01' }) receivedOn!: string;
  @ApiProperty({ enum: RECEIPT_CHANNELS }) channel!: string;
  @ApiProperty() receiptNo!: string;
  @ApiProperty({ enum: ['pro_rata', 'explicit'] }) allocation!: string;
  @ApiProperty({ type: [AllocationView] }) allocations!: AllocationView[];
}

export class HeldMoneyView {
  @ApiProperty() claimantId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() holdId!: string;
  @ApiProperty() heldOn!: string;
  @fen('Still held') remainingFen!: number;
  @ApiProperty({ type: 'integer', description: 'Days held, as of the day asked about' }) days!: number;
  @ApiProperty({ enum: Object.keys(HOLD_AGE_LABELS), description: 'Ageing: under 30 days, 30, 90 or 365 days or more' }) age!: string;
  @ApiProperty() reason!: string;
}

export class WriteOffView {
  @ApiProperty() writeOffId!: string;
  @ApiProperty() claimantId!: string;
  @fen('To write off') amountFen!: number;
  @ApiProperty() reason!: string;
  @ApiProperty() requestedBy!: string;
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ description: "{ status: 'pending' | 'approved' | 'rejected', by?, at?, reason? }" }) decision!: Record<string, unknown>;
}

export class RecoveryHistoryEntry {
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty() type!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({ description: '{ staffId, role }' }) actor!: Record<string, string>;
  @ApiProperty({ description: 'One sentence, in the language asked for (Accept-Language)' }) description!: string;
}

export class RecoveryLedgerView {
  @ApiProperty() caseId!: string;
  @ApiProperty({ enum: ['not_started', 'recovering', 'complete'], description: 'not_started: the agreement is recorded but no money command yet' }) status!: string;
  @ApiProperty({ type: 'integer', description: 'The ledger’s revision (also the ETag): send it as If-Match' }) revision!: number;
  @ApiProperty({ nullable: true, type: String }) agreementId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) completedAt!: string | null;
  @ApiProperty({ description: 'Whether "agreement fulfilled" may be recorded on the case: only when the recovery is complete' }) agreementFulfilledAllowed!: boolean;
  @ApiProperty({ example: '2026-06-30', description: 'The day instalment states and ageing are computed for' }) asOf!: string;
  @ApiProperty({ type: RecoveryTotalsView }) totals!: RecoveryTotalsView;
  @ApiProperty({ type: [RecoveryWorkerView] }) workers!: RecoveryWorkerView[];
  @ApiProperty({ type: [InstalmentView], description: 'The plan in force, each instalment with its state' }) plan!: InstalmentView[];
  @ApiProperty({ description: 'true when the agreement was amended since the plan was set: the plan no longer adds up to what is owed' }) planNeedsAmendment!: boolean;
  @ApiProperty({ type: [ReceiptView] }) receipts!: ReceiptView[];
  @ApiProperty({ type: [HeldMoneyView] }) held!: HeldMoneyView[];
  @ApiProperty({ type: [WriteOffView] }) writeOffs!: WriteOffView[];
  @ApiProperty({ type: [RecoveryHistoryEntry] }) history!: RecoveryHistoryEntry[];
  @ApiPropertyOptional({ type: PageAsOfView, description: 'Only with ?asOf= an instant or a log position: the moment, the position the ledger stands at, and which invariants held then' })
  asOfReplay?: PageAsOfView;
}

export class RecoveryListItem {
  @ApiProperty() caseId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() respondentName!: string;
  @ApiProperty({ nullable: true, type: String }) employerId!: string | null;
  @ApiProperty({ nullable: true, type: String }) mediatorId!: string | null;
  @ApiProperty({ enum: ['recovering', 'complete'] }) status!: string;
  @ApiProperty({ type: 'integer' }) workerCount!: number;
  @ApiProperty({ type: RecoveryTotalsView }) totals!: RecoveryTotalsView;
  @ApiProperty({ nullable: true, type: String, description: 'Due date of the first instalment not covered by what was received' }) firstUncoveredDueOn!: string | null;
  @ApiProperty({ type: 'integer', description: 'Days past that due date today (0 when not overdue)' }) daysOverdue!: number;
}

export class RecoveryListPage extends PagedAnswer {
  @ApiProperty({ type: [RecoveryListItem], description: 'Most overdue first' }) items!: RecoveryListItem[];
}

/** On the case page: where the money stands, and whether "agreement fulfilled" may be recorded. */
export class CaseRecoverySummary {
  @ApiProperty({ enum: ['not_started', 'recovering', 'complete'] }) status!: 'not_started' | 'recovering' | 'complete';
  @ApiProperty({ description: 'Only when the recovery ledger is complete under the agreement in force' }) agreementFulfilledAllowed!: boolean;
  @ApiProperty({ type: 'integer', nullable: true }) owedFen!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) paidFen!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Not yet paid to the workers nor written off, in fen' }) stillOwedFen!: number | null;
  @ApiProperty({ description: 'One sentence, in the language asked for' }) note!: string;
}
