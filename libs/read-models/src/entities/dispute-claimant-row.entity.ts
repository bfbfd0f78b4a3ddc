import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Who is in which case: a worker's page, and the "workers involved" figure of the report. */
@Entity({ name: 'dispute_claimants' })
export class DisputeClaimantRow {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @PrimaryColumn({ name: 'claimant_id', type: 'text' })
  claimantId!: string;

  @Column({ name: 'worker_id', type: 'uuid', nullable: true })
  workerId!: string | null;

  @Column({ type: 'text' })
  name!: string;

  /** The link to the worker was verified (the namer gave the worker's ID number, or registered the worker): the flag only, never the number. */
  @Column({ name: 'id_verified', type: 'boolean', default: false })
  idVerified!: boolean;
}
