import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per care visit (走访慰问): one person-visit (人次) of its visitee, unless withdrawn. */
@Entity({ name: 'aid_care_visits' })
export class AidCareVisitRow {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  /** household or model_worker. */
  @Column({ name: 'visitee_kind', type: 'text' }) visiteeKind!: string;
  @Column({ name: 'visitee_id', type: 'uuid' }) visiteeId!: string;
  @Column({ name: 'visitee_name', type: 'text' }) visiteeName!: string;
  @Column({ name: 'visited_on', type: 'date' }) visitedOn!: string;
  @Column({ name: 'programme_id', type: 'text', nullable: true }) programmeId!: string | null;
  @Column({ type: 'text', array: true }) visitors!: string[];
  @Column({ type: 'text', nullable: true }) goods!: string | null;
  @Column({ name: 'money_fen', type: 'bigint', nullable: true }) moneyFen!: string | null;
  @Column({ name: 'disbursement_id', type: 'text', nullable: true }) disbursementId!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'boolean' }) withdrawn!: boolean;
  @Column({ name: 'recorded_by', type: 'text' }) recordedBy!: string;
  @Column({ type: 'bigint' }) revision!: string;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}
