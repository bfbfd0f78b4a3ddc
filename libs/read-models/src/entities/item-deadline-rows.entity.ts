import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DisbursementClockFacts, ItemDeadlineNotice, RecoveryClockFacts } from '#domain';

/**
 * A recovery's clock, for the board, the scheduler and the sweep: what its instalments and
 * write-offs depend on (dates are computed under the policy in force), the notices recorded,
 * and the events that started each deadline. Whether the case is open comes from its
 * `case_deadlines` row (the same projection), with the mediator and the title.
 */
@Entity({ name: 'recovery_deadlines' })
export class RecoveryDeadlineRow {
  @PrimaryColumn({ name: 'case_id', type: 'text' })
  caseId!: string;

  @Column({ type: 'jsonb' })
  facts!: RecoveryClockFacts;

  @Column({ type: 'jsonb' })
  notices!: ItemDeadlineNotice[];

  /** The event that set the plan in force; each write-off's request. */
  @Column({ type: 'jsonb' })
  causes!: { plan: string | null; writeOffs: Record<string, string> };

  /** The recovery stream's revision this row reflects. */
  @Column({ type: 'bigint' })
  revision!: string;

  @Column({ name: 'scheduled_revision', type: 'bigint', nullable: true })
  scheduledRevision!: string | null;

  @Column({ name: 'scheduled_policy', type: 'int', nullable: true })
  scheduledPolicy!: number | null;
}

/** A disbursement's wait for approval, for the board, the scheduler and the sweep. */
@Entity({ name: 'disbursement_deadlines' })
export class DisbursementDeadlineRow {
  @PrimaryColumn({ name: 'disbursement_id', type: 'text' })
  disbursementId!: string;

  @Column({ name: 'fund_id', type: 'text' })
  fundId!: string;

  /** Still waiting for a decision: nothing more falls due once decided or cancelled. */
  @Column({ type: 'boolean' })
  open!: boolean;

  @Column({ type: 'jsonb' })
  facts!: DisbursementClockFacts;

  @Column({ type: 'jsonb' })
  notices!: ItemDeadlineNotice[];

  /** The request's event: the jobs are named by it. */
  @Column({ type: 'text' })
  cause!: string;

  /** The fund stream's revision this row reflects. */
  @Column({ type: 'bigint' })
  revision!: string;

  @Column({ name: 'scheduled_revision', type: 'bigint', nullable: true })
  scheduledRevision!: string | null;

  @Column({ name: 'scheduled_policy', type: 'int', nullable: true })
  scheduledPolicy!: number | null;
}
