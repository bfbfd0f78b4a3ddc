import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per grassroots union organisation (基层工会组织); its member counts and ratings have tables of their own. */
@Entity({ name: 'organisations' })
export class OrganisationRow {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'enterprise_name', type: 'text' }) enterpriseName!: string;
  @Column({ name: 'employer_id', type: 'uuid', nullable: true }) employerId!: string | null;
  @Column({ name: 'founded_on', type: 'date' }) foundedOn!: string;
  @Column({ name: 'dissolved_on', type: 'date', nullable: true }) dissolvedOn!: string | null;
  @Column({ type: 'jsonb' }) detail!: Record<string, unknown>;
  @Column({ type: 'bigint' }) revision!: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
