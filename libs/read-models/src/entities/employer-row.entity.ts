import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per registered employer (用人单位): the respondent in disputes, the debtor in wage recovery. */
@Entity({ name: 'employers' })
export class EmployerRow {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'credit_code', type: 'text', nullable: true })
  creditCode!: string | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'text', nullable: true })
  contact!: string | null;

  @Column({ type: 'bigint' })
  revision!: string;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;
}
