import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per hardship household file (困难职工档案): the list columns, and the file as the domain folds it. */
@Entity({ name: 'aid_households' })
export class AidHouseholdRow {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'worker_id', type: 'uuid' }) workerId!: string;
  @Column({ name: 'worker_name', type: 'text' }) workerName!: string;
  /** open or closed. */
  @Column({ type: 'text' }) status!: string;
  @Column({ name: 'household_size', type: 'int' }) householdSize!: number;
  @Column({ type: 'text' }) cause!: string;
  @Column({ name: 'monthly_income_per_person_fen', type: 'bigint' }) monthlyIncomePerPersonFen!: string;
  @Column({ name: 'single_mother', type: 'boolean' }) singleMother!: boolean;
  /** The first opening: how long the household has been known. */
  @Column({ name: 'first_opened_on', type: 'date' }) firstOpenedOn!: string;
  /** The current (or latest) period. */
  @Column({ name: 'opened_on', type: 'date' }) openedOn!: string;
  @Column({ name: 'closed_on', type: 'date', nullable: true }) closedOn!: string | null;
  @Column({ type: 'jsonb' }) detail!: Record<string, unknown>;
  @Column({ type: 'bigint' }) revision!: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
