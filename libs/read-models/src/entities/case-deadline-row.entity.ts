import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseClockFacts, CaseDeadlineKind, DeadlineNotice } from '#domain';

/**
 * A case's clock, for the supervisor's board, the deadline scheduler and the sweep: the facts
 * its deadlines depend on (dates are computed from them under the policy in force, so a policy
 * change needs no rebuild), the notices recorded, and the events that started each deadline.
 */
@Entity({ name: 'case_deadlines' })
export class CaseDeadlineRow {
  @PrimaryColumn({ name: 'case_id', type: 'text' })
  caseId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'mediator_id', type: 'text', nullable: true })
  mediatorId!: string | null;

  /** false once closed: nothing more falls due. */
  @Column({ type: 'boolean' })
  open!: boolean;

  @Column({ type: 'jsonb' })
  facts!: CaseClockFacts;

  @Column({ type: 'jsonb' })
  notices!: DeadlineNotice[];

  @Column({ type: 'jsonb' })
  causes!: Record<CaseDeadlineKind, string>;

  /** The case stream's revision this row reflects. */
  @Column({ type: 'bigint' })
  revision!: string;

  /** The revision and policy revision the scheduler last scheduled jobs for (null: not yet). */
  @Column({ name: 'scheduled_revision', type: 'bigint', nullable: true })
  scheduledRevision!: string | null;

  @Column({ name: 'scheduled_policy', type: 'int', nullable: true })
  scheduledPolicy!: number | null;
}
