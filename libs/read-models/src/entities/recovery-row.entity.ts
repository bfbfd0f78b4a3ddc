import { Column, Entity, PrimaryColumn } from 'typeorm';

/** bigint columns hold whole fen; read back as numbers (safe integers: the domain checked them). */
export const fenColumn = { type: 'bigint' as const, transformer: { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) } };

/** One row per case's recovery ledger: the totals the list sorts and filters on, and the ledger as a document. */
@Entity({ name: 'recoveries' })
export class RecoveryRow {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  /** recovering or complete. */
  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'agreement_id', type: 'text' })
  agreementId!: string;

  @Column({ name: 'worker_count', type: 'int' })
  workerCount!: number;

  @Column({ name: 'owed_fen', ...fenColumn })
  owedFen!: number;

  @Column({ name: 'received_fen', ...fenColumn })
  receivedFen!: number;

  @Column({ name: 'paid_fen', ...fenColumn })
  paidFen!: number;

  @Column({ name: 'held_fen', ...fenColumn })
  heldFen!: number;

  @Column({ name: 'allocated_unpaid_fen', ...fenColumn })
  allocatedUnpaidFen!: number;

  @Column({ name: 'outstanding_fen', ...fenColumn })
  outstandingFen!: number;

  @Column({ name: 'written_off_fen', ...fenColumn })
  writtenOffFen!: number;

  /** The due date of the first instalment the money received does not cover: overdue once today is past it. */
  @Column({ name: 'first_uncovered_due_on', type: 'date', nullable: true })
  firstUncoveredDueOn!: string | null;

  /** The ledger as the domain folds it, as of `revision`. */
  @Column({ type: 'jsonb' })
  detail!: Record<string, unknown>;

  @Column({ type: 'bigint' })
  revision!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
