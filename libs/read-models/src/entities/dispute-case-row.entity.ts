import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per labour-dispute case: the list columns, plus the case page as a document. */
@Entity({ name: 'dispute_cases' })
export class DisputeCaseRow {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'respondent_name', type: 'text' })
  respondentName!: string;

  @Column({ name: 'respondent_employer_id', type: 'uuid', nullable: true })
  respondentEmployerId!: string | null;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn!: string;

  @Column({ name: 'claimant_names', type: 'text', array: true })
  claimantNames!: string[];

  @Column({ name: 'claimant_count', type: 'int' })
  claimantCount!: number;

  @Column({ name: 'mediator_id', type: 'text', nullable: true })
  mediatorId!: string | null;

  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  /** pending, accepted or declined: the report counts every case not declined. */
  @Column({ name: 'intake_decision', type: 'text' })
  intakeDecision!: string;

  /** The case page: the aggregate's state as of `revision`. */
  @Column({ type: 'jsonb' })
  detail!: Record<string, unknown>;

  @Column({ type: 'bigint' })
  revision!: string;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Title, respondent and claimant names, for one trigram index. */
  @Column({ name: 'search_text', type: 'text' })
  searchText!: string;
}
