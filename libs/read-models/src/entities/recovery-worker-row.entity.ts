import { Column, Entity, PrimaryColumn } from 'typeorm';
import { fenColumn } from './recovery-row.entity.js';

/** One row per worker per case's recovery: what a worker's page and an employer's page add up. */
@Entity({ name: 'recovery_workers' })
export class RecoveryWorkerRow {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @PrimaryColumn({ name: 'claimant_id', type: 'text' })
  claimantId!: string;

  @Column({ name: 'worker_id', type: 'uuid', nullable: true })
  workerId!: string | null;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'owed_fen', ...fenColumn })
  owedFen!: number;

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
}
