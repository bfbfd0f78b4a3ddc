import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Each event of a beneficiary file, organisation or care visit, for its history; the sentence is written at read time, per language. */
@Entity({ name: 'aid_people_timeline' })
export class AidPeopleTimelineEntry {
  @PrimaryColumn({ name: 'stream_name', type: 'text' }) streamName!: string;
  @PrimaryColumn({ type: 'bigint' }) revision!: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @Column({ type: 'text' }) type!: string;
  @Column({ type: 'jsonb' }) data!: Record<string, unknown>;
  @Column({ name: 'actor_staff_id', type: 'text' }) actorStaffId!: string;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  @Column({ type: 'text' }) position!: string;
}
