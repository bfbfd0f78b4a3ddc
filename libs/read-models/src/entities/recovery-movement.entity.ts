import { Column, Entity, PrimaryColumn } from 'typeorm';
import { fenColumn } from './recovery-row.entity.js';

/**
 * Money moving on a recovery, one row per event that moves it, dated by the day it happened
 * (Beijing): what the period report adds up. `kind`: owed (the agreement's total, and each
 * re-basing's change, signed), received (from the employer), paid (to a worker), written_off.
 */
@Entity({ name: 'recovery_movements' })
export class RecoveryMovement {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @PrimaryColumn({ type: 'bigint' })
  revision!: string;

  @Column({ type: 'text' })
  kind!: 'owed' | 'received' | 'paid' | 'written_off';

  @Column({ name: 'amount_fen', ...fenColumn })
  amountFen!: number;

  @Column({ type: 'date' })
  day!: string;
}
