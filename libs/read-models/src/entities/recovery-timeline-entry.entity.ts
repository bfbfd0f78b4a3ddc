import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Each event of a case's recovery, for its history; the sentence is written at read time, per language. */
@Entity({ name: 'recovery_timeline' })
export class RecoveryTimelineEntry {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @PrimaryColumn({ type: 'bigint' })
  revision!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ name: 'actor_staff_id', type: 'text' })
  actorStaffId!: string;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}
