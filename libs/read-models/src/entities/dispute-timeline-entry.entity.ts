import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Each event of a case, for its timeline; the sentence is written at read time, per language. */
@Entity({ name: 'dispute_timeline' })
export class DisputeTimelineEntry {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @PrimaryColumn({ type: 'bigint' })
  revision!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

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

  @Column({ type: 'text' })
  position!: string;
}
