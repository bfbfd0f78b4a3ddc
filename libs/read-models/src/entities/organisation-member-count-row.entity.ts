import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Members of an organisation counted on a day; a later count of the same day replaces the earlier one. */
@Entity({ name: 'organisation_member_counts' })
export class OrganisationMemberCountRow {
  /** `<organisation id>:<day>`. */
  @PrimaryColumn({ type: 'text' }) key!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'counted_on', type: 'date' }) countedOn!: string;
  @Column({ type: 'int' }) members!: number;
  @Column({ type: 'bigint' }) revision!: string;
}
