import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What a cadre did toward their duties: trainings, key-enterprise visits, and follow-ups on cases. */
@Entity({ name: 'cadre_activities' })
export class CadreActivityRow {
  /** The event's id: a row met again (a second runner, a rebuild) is the same row. */
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'cadre_id', type: 'text' })
  cadreId!: string;

  /** training | key_enterprise_visit | follow_up */
  @Column({ type: 'text' })
  kind!: string;

  /** The Beijing day, `YYYY-MM-DD` (text: no time zone can shift it). */
  @Column({ type: 'text' })
  day!: string;

  @Column({ name: 'case_id', type: 'text', nullable: true })
  caseId!: string | null;

  @Column({ type: 'text' })
  title!: string;
}
