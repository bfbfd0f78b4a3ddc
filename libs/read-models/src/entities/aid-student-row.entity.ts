import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per student (金秋助学), with the latest school and grade recorded. */
@Entity({ name: 'aid_students' })
export class AidStudentRow {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'household_id', type: 'uuid' }) householdId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) school!: string;
  @Column({ type: 'text' }) grade!: string;
  @Column({ type: 'jsonb' }) detail!: Record<string, unknown>;
  @Column({ type: 'bigint' }) revision!: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
