import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A unit rated a Workers' Home (职工之家) for a year: one rating a year per organisation. */
@Entity({ name: 'workers_home_ratings' })
export class WorkersHomeRatingRow {
  /** `<organisation id>:<year>`. */
  @PrimaryColumn({ type: 'text' }) key!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ type: 'int' }) year!: number;
  @Column({ type: 'text' }) level!: string;
}
