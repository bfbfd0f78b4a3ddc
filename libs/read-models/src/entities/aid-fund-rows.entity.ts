import { Column, Entity, PrimaryColumn } from 'typeorm';

// The aid fund's read models. Money is bigint fen (read back as text by pg, turned into numbers by the queries).

/** One row per fund: its running totals; balance = income − paid, available = balance − committed. */
@Entity({ name: 'aid_funds' })
export class AidFundRow {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: string;

  /** Income less reversals. */
  @Column({ name: 'income_fen', type: 'bigint' })
  incomeFen!: string;

  @Column({ name: 'paid_fen', type: 'bigint' })
  paidFen!: string;

  /** Approved, not yet paid. */
  @Column({ name: 'committed_fen', type: 'bigint' })
  committedFen!: string;

  @Column({ type: 'bigint' })
  revision!: string;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** One row per income entry; a reversing entry is a row of its own with a negative amount, dated like the entry it reverses. */
@Entity({ name: 'aid_fund_income' })
export class AidIncomeRow {
  @PrimaryColumn({ name: 'entry_id', type: 'text' })
  entryId!: string;

  @Column({ name: 'fund_id', type: 'text' })
  fundId!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'amount_fen', type: 'bigint' })
  amountFen!: string;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn!: string;

  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  @Column({ name: 'donor_name', type: 'text', nullable: true })
  donorName!: string | null;

  @Column({ name: 'receipt_number', type: 'text', nullable: true })
  receiptNumber!: string | null;

  @Column({ name: 'corrects_entry_id', type: 'text', nullable: true })
  correctsEntryId!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}

/** One row per disbursement: the approval queue, the fund page's figures by programme, the report. */
@Entity({ name: 'aid_disbursements' })
export class AidDisbursementRow {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'fund_id', type: 'text' })
  fundId!: string;

  @Column({ name: 'programme_id', type: 'text' })
  programmeId!: string;

  @Column({ name: 'programme_kind', type: 'text' })
  programmeKind!: string;

  @Column({ name: 'programme_name', type: 'text' })
  programmeName!: string;

  @Column({ name: 'beneficiary_kind', type: 'text' })
  beneficiaryKind!: string;

  @Column({ name: 'beneficiary_id', type: 'text' })
  beneficiaryId!: string;

  @Column({ name: 'beneficiary_name', type: 'text' })
  beneficiaryName!: string;

  @Column({ name: 'amount_fen', type: 'bigint' })
  amountFen!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy!: string;

  @Column({ name: 'requested_on', type: 'date' })
  requestedOn!: string;

  @Column({ name: 'approved_by', type: 'text', nullable: true })
  approvedBy!: string | null;

  @Column({ name: 'approved_on', type: 'date', nullable: true })
  approvedOn!: string | null;

  @Column({ name: 'paid_on', type: 'date', nullable: true })
  paidOn!: string | null;

  /** The disbursement as the domain folds it (its state union): the page shows what decide sees. */
  @Column({ type: 'jsonb' })
  detail!: Record<string, unknown>;

  /** The disbursement's own revision: its ETag. */
  @Column({ type: 'int' })
  version!: number;

  /** The fund stream's revision of the last event applied. */
  @Column({ name: 'fund_revision', type: 'bigint' })
  fundRevision!: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ name: 'aid_programmes' })
export class AidProgrammeRow {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'fund_id', type: 'text' })
  fundId!: string;

  @Column({ name: 'season_from', type: 'text', nullable: true })
  seasonFrom!: string | null;

  @Column({ name: 'season_to', type: 'text', nullable: true })
  seasonTo!: string | null;

  @Column({ name: 'cap_fen', type: 'bigint' })
  capFen!: string;

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ type: 'bigint' })
  revision!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Each event of a fund or a programme, for their timelines; the sentence is written at read time, per language. */
@Entity({ name: 'aid_timeline' })
export class AidTimelineEntry {
  @PrimaryColumn({ name: 'stream_name', type: 'text' })
  streamName!: string;

  @PrimaryColumn({ type: 'bigint' })
  revision!: string;

  @Column({ name: 'fund_id', type: 'text', nullable: true })
  fundId!: string | null;

  @Column({ name: 'programme_id', type: 'text', nullable: true })
  programmeId!: string | null;

  @Column({ name: 'disbursement_id', type: 'text', nullable: true })
  disbursementId!: string | null;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ name: 'actor_staff_id', type: 'text' })
  actorStaffId!: string;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'text' })
  position!: string;
}
