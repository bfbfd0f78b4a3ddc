import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Who the staff are, by name: case lists and pages show a mediator's name, not a UUID. Never credentials. */
@Entity({ name: 'staff_members' })
export class StaffMemberRow {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  username!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text', array: true })
  roles!: string[];

  @Column({ type: 'boolean' })
  active!: boolean;

  /** The Beijing day the person (last) became a mediator; null when not one. */
  @Column({ name: 'mediator_since', type: 'date', nullable: true })
  mediatorSince!: string | null;

  /** The staff-roster stream's revision this row reflects. */
  @Column({ type: 'bigint' })
  revision!: string;
}
