import { ApiProperty } from '@nestjs/swagger';
import { DEADLINE_KINDS, PAUSE_REASONS } from '#domain';
import { PagedAnswer } from '../shared/paged.dto.js';

export const BOARD_STATES = ['upcoming', 'due_soon', 'overdue', 'met', 'paused'] as const;

export class BilingualText {
  @ApiProperty({ example: '调解期限：自收到申请之日起15日' }) zh!: string;
  @ApiProperty({ example: 'Mediation: 15 days from receipt' }) en!: string;
}

export class DeadlineItem {
  @ApiProperty({ nullable: true, type: String, description: 'The case (null for a disbursement: it is on a fund)' }) caseId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The fund a disbursement waits on' }) fundId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'An instalment’s due day; the write-off’s or the disbursement’s id (null for a case’s own deadlines)' }) itemId!: string | null;
  @ApiProperty({ example: '宏达建材拖欠工资案', description: 'The case’s title; for a disbursement, its programme and beneficiary' }) title!: string;
  @ApiProperty({ enum: DEADLINE_KINDS }) kind!: string;
  @ApiProperty({ type: BilingualText, description: 'The rule, as the policy in force states it' }) rule!: BilingualText;
  @ApiProperty({ example: '2026-03-01', description: 'Receipt (mediation), the last follow-up (follow-up), the plan set (instalment), the request (approvals)' }) startedOn!: string;
  @ApiProperty({ example: '2026-03-13' }) warnOn!: string;
  @ApiProperty({ example: '2026-03-16', description: 'The due day (an instalment’s own; the last day to decide a request)' }) dueOn!: string;
  @ApiProperty({ example: '2026-03-23', description: 'The last day before it is missed: the due day, or for an instalment the due day plus the grace' }) lastDay!: string;
  @ApiProperty({ enum: BOARD_STATES }) state!: string;
  @ApiProperty({ type: 'integer', description: 'Days to the due day (negative once over)' }) daysLeft!: number;
  @ApiProperty({ type: 'integer', description: 'Days past the due day, once missed (0 before)' }) daysOver!: number;
  @ApiProperty({ description: 'The mediation clock stands paused' }) paused!: boolean;
  @ApiProperty({ type: 'integer' }) pausedDays!: number;
  @ApiProperty({ description: 'A warning recorded for this due date (DeadlineWarned, InstalmentDueWarned, …ApprovalWarned)' }) warned!: boolean;
  @ApiProperty({ description: 'A miss recorded for this due date (DeadlineMissed, InstalmentMissed, …ApprovalMissed)' }) missed!: boolean;
  @ApiProperty({ nullable: true, type: 'integer', description: 'The instalment’s amount, or the amount waiting for approval, in fen' }) amountFen!: number | null;
  @ApiProperty({ enum: ['mediator', 'supervisor'], description: 'Who answers for it: the case’s mediator, or (a request waiting) the supervisors, who approve' }) responsibleRole!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The mediator responsible (null for a request: any supervisor but its requester decides)' }) responsibleId!: string | null;
  @ApiProperty({ nullable: true, type: String }) responsibleName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Who made the request waiting for approval' }) requestedBy!: string | null;
}

export class DeadlineBoardPage extends PagedAnswer {
  @ApiProperty({ example: '2026-11-26', description: 'The day (Beijing) the board is computed for' }) asOf!: string;
  @ApiProperty({ type: 'integer', description: 'The policy revision in force (-1: the defaults)' }) policyRevision!: number;
  @ApiProperty({ type: [DeadlineItem] }) items!: DeadlineItem[];
}

export class MediationClockView {
  @ApiProperty() caseId!: string;
  @ApiProperty({ example: '2026-03-01' }) receivedOn!: string;
  @ApiProperty({ example: '2026-03-16' }) dueOn!: string;
  @ApiProperty({ type: 'integer' }) daysLeft!: number;
  @ApiProperty() paused!: boolean;
  @ApiProperty({ type: 'integer' }) pausedDays!: number;
  @ApiProperty({ enum: ['upcoming', 'due_soon', 'overdue', 'met', 'paused', 'ended'] }) state!: string;
  @ApiProperty({ type: [DeadlineItem], description: 'Every deadline of the case that is still running or was met' }) deadlines!: DeadlineItem[];
}

export class DutyCountView {
  @ApiProperty({ type: 'integer' }) count!: number;
  @ApiProperty({ type: 'integer' }) required!: number;
  @ApiProperty({ enum: ['met', 'due', 'missed'] }) state!: string;
}
export class TrainingDutyView extends DutyCountView {
  @ApiProperty({ type: 'integer', description: 'Trainings the quarters already ended call for' }) expectedByNow!: number;
}
export class MonthDutyView extends DutyCountView {
  @ApiProperty({ example: '2026-03' }) month!: string;
}
export class FollowUpDutyView {
  @ApiProperty({ enum: ['met', 'due', 'missed'] }) state!: string;
  @ApiProperty({ type: [MonthDutyView] }) months!: MonthDutyView[];
  @ApiProperty({ type: [String], example: ['2026-02'], description: 'Ended months without enough follow-ups' }) monthsWithout!: string[];
}
export class CadreDutiesView {
  @ApiProperty() cadreId!: string;
  @ApiProperty({ example: '王芳' }) name!: string;
  @ApiProperty({ type: TrainingDutyView }) trainings!: TrainingDutyView;
  @ApiProperty({ type: DutyCountView }) keyEnterpriseVisits!: DutyCountView;
  @ApiProperty({ type: FollowUpDutyView }) followUps!: FollowUpDutyView;
  @ApiProperty({ description: 'Some duty missed' }) missed!: boolean;
}
export class DutiesBoard {
  @ApiProperty({ type: 'integer', example: 2026 }) year!: number;
  @ApiProperty({ type: 'integer', example: 4 }) quarter!: number;
  @ApiProperty({ example: '2026-11-26' }) asOf!: string;
  @ApiProperty({ type: [CadreDutiesView] }) cadres!: CadreDutiesView[];
}

export class MediationPolicyView {
  @ApiProperty({ type: 'integer', example: 15 }) days!: number;
  @ApiProperty({ type: 'integer', example: 3 }) warnDaysBefore!: number;
  @ApiProperty({ enum: PAUSE_REASONS, isArray: true }) pauseReasons!: string[];
}
export class FollowUpPolicyView {
  @ApiProperty({ type: 'integer', example: 1 }) intervalMonths!: number;
  @ApiProperty({ type: 'integer', example: 5 }) warnDaysBefore!: number;
}
export class CadreDutiesPolicyView {
  @ApiProperty({ type: 'integer', example: 4 }) trainingsPerYear!: number;
  @ApiProperty({ type: 'integer', example: 1 }) keyEnterpriseVisitsPerQuarter!: number;
  @ApiProperty({ type: 'integer', example: 1 }) followUpsPerMonth!: number;
}
export class InstalmentPolicyView {
  @ApiProperty({ type: 'integer', example: 7, description: 'Days after the due day before an unpaid instalment is missed' }) graceDays!: number;
  @ApiProperty({ type: 'integer', example: 3 }) warnDaysBefore!: number;
}
export class ApprovalPolicyView {
  @ApiProperty({ type: 'integer', example: 5, description: 'Days from the request within which a supervisor decides' }) days!: number;
  @ApiProperty({ type: 'integer', example: 1 }) warnDaysBefore!: number;
}
export class DeadlinePoliciesView {
  @ApiProperty({ type: MediationPolicyView }) mediation!: MediationPolicyView;
  @ApiProperty({ type: FollowUpPolicyView }) followUp!: FollowUpPolicyView;
  @ApiProperty({ type: CadreDutiesPolicyView }) cadreDuties!: CadreDutiesPolicyView;
  @ApiProperty({ type: InstalmentPolicyView }) instalment!: InstalmentPolicyView;
  @ApiProperty({ type: ApprovalPolicyView }) disbursementApproval!: ApprovalPolicyView;
  @ApiProperty({ type: ApprovalPolicyView }) writeOffApproval!: ApprovalPolicyView;
  @ApiProperty({ type: 'integer', description: 'Changes so far (-1: the defaults, nothing set)' }) revision!: number;
}
