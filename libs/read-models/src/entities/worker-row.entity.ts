import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per registered worker (职工): the worker list and the worker's page. */
@Entity({ name: 'workers' })
export class WorkerRow {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** The full, normalised number: the API masks it for every list and for roles that don't need it. */
  @Column({ name: 'id_number', type: 'text' })
  idNumber!: string;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ name: 'employer_id', type: 'uuid', nullable: true })
  employerId!: string | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ type: 'bigint' })
  revision!: string;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
