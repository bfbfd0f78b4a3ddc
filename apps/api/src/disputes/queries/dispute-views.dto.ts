import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_OUTCOMES, DISPUTE_CATEGORIES, FOLLOW_UP_METHODS, REFERRAL_AGENCIES } from '#domain';
import { PageAsOfView } from '../../audit/audit-views.dto.js';
import { PagedAnswer } from '../../shared/paged.dto.js';
import { CaseRecoverySummary } from '../../recovery/queries/recovery-views.dto.js';

const DISPUTE_STATUSES = ['open', 'accepted', 'closed'];

/** A case in the list: the columns the list filters and sorts on. */
export class DisputeListItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: DISPUTE_CATEGORIES }) category!: string;
  @ApiProperty({ enum: DISPUTE_STATUSES, description: "'open': intake pending" }) status!: string;
  @ApiProperty() respondentName!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) respondentEmployerId!: string | null;
  @ApiProperty({ format: 'date', description: 'Beijing date the application was received' }) receivedOn!: string;
  @ApiProperty({ type: 'integer' }) claimantCount!: number;
  @ApiProperty({ type: String, nullable: true }) mediatorId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The assigned mediator’s display name' }) mediatorName!: string | null;
  @ApiProperty({ enum: CASE_OUTCOMES, nullable: true }) outcome!: string | null;
  @ApiProperty({ type: 'integer', description: 'The case’s revision (its ETag)' }) revision!: number;
  @ApiProperty({ type: String, format: 'date-time' }) openedAt!: Date | string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date | string;
}

export class DisputeListPage extends PagedAnswer {
  @ApiProperty({ type: [DisputeListItem] }) items!: DisputeListItem[];
}

export class ClaimView {
  @ApiProperty({ enum: DISPUTE_CATEGORIES }) kind!: string;
  @ApiProperty({ type: 'integer', description: 'In fen (1 yuan = 100 fen)' }) amountFen!: number;
  @ApiPropertyOptional() note?: string;
}

export class ClaimantView {
  @ApiProperty() claimantId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The registered worker, if any' }) workerId!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [ClaimView] }) claims!: ClaimView[];
}

export class OralApplicationView {
  @ApiProperty() applicantName!: string;
  @ApiProperty() dispute!: string;
  @ApiProperty() reasons!: string;
  @ApiProperty() recordedAt!: string;
}

export class ApplicationView {
  @ApiProperty({ enum: ['written', 'oral'] }) kind!: string;
  @ApiProperty({ description: 'A date or an instant with its offset, as recorded' }) receivedAt!: string;
  @ApiPropertyOptional({ type: OralApplicationView, description: 'Only for an oral application' }) oral?: OralApplicationView;
}

export class RespondentView {
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) employerId!: string | null;
}

export class IntakeView {
  @ApiProperty({ enum: ['pending', 'accepted', 'declined'] }) decision!: string;
  @ApiPropertyOptional({ description: 'Staff id of who decided' }) by?: string;
  @ApiPropertyOptional({ format: 'date-time' }) at?: string;
  @ApiPropertyOptional({ description: 'Why the intake was declined' }) reason?: string;
}

export class ReferralAnswerView {
  @ApiProperty() text!: string;
  @ApiProperty() answeredAt!: string;
}

export class ReferralView {
  @ApiProperty({ format: 'uuid' }) referralId!: string;
  @ApiProperty({ enum: REFERRAL_AGENCIES }) agency!: string;
  @ApiPropertyOptional() agencyName?: string;
  @ApiProperty() note!: string;
  @ApiProperty({ format: 'date-time' }) referredAt!: string;
  @ApiProperty({ type: ReferralAnswerView, nullable: true }) answer!: ReferralAnswerView | null;
}

export class SessionView {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ type: 'integer', description: 'Counts from 1' }) number!: number;
  @ApiProperty() heldAt!: string;
  @ApiProperty() place!: string;
  @ApiProperty({ type: [String] }) attendees!: string[];
  @ApiProperty() summary!: string;
}

export class FollowUpView {
  @ApiProperty({ format: 'uuid' }) followUpId!: string;
  @ApiProperty() at!: string;
  @ApiPropertyOptional({ enum: FOLLOW_UP_METHODS }) method?: string;
  @ApiProperty() result!: string;
}

export class AgreedAmountView {
  @ApiProperty() claimantId!: string;
  @ApiProperty({ type: 'integer', description: 'In fen' }) amountFen!: number;
}

export class AgreementView {
  @ApiProperty({ format: 'uuid' }) agreementId!: string;
  @ApiProperty({ type: [AgreedAmountView] }) amounts!: AgreedAmountView[];
  @ApiProperty({ type: 'integer', description: 'In fen' }) totalFen!: number;
  @ApiProperty() terms!: string;
  @ApiProperty({ type: [String], format: 'date' }) paymentDates!: string[];
  @ApiProperty({ format: 'date-time' }) reachedAt!: string;
}

/** The case page: the case as the domain folds it, at `revision`. */
export class CasePage {
  @ApiProperty({ type: CaseRecoverySummary, description: 'The money (recovery ledger): "agreement fulfilled" is accepted only once the recovery is complete' }) recovery!: CaseRecoverySummary;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer', description: 'Also the ETag: send it back as If-Match' }) revision!: number;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: DISPUTE_STATUSES }) status!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: DISPUTE_CATEGORIES }) category!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: ApplicationView }) application!: ApplicationView;
  @ApiProperty() receivedAt!: string;
  @ApiProperty({ type: RespondentView }) respondent!: RespondentView;
  @ApiProperty({ type: [ClaimantView] }) claimants!: ClaimantView[];
  @ApiProperty({ type: String, nullable: true }) mediatorId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The assigned mediator’s display name' }) mediatorName!: string | null;
  @ApiProperty() openedBy!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ type: IntakeView }) intake!: IntakeView;
  @ApiProperty({ type: [ReferralView] }) referrals!: ReferralView[];
  @ApiProperty({ type: [SessionView] }) sessions!: SessionView[];
  @ApiProperty({ type: [FollowUpView] }) followUps!: FollowUpView[];
  @ApiProperty({ type: AgreementView, nullable: true }) agreement!: AgreementView | null;
  @ApiProperty({ enum: CASE_OUTCOMES, nullable: true }) outcome!: string | null;
  @ApiProperty({ type: String, nullable: true }) closeReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiPropertyOptional({ type: PageAsOfView, description: 'Only with ?asOf=: the moment, the position the case stands at, and which invariants held then' })
  asOfReplay?: PageAsOfView;
}

export class TimelineActor {
  @ApiProperty() staffId!: string;
  @ApiProperty({ description: 'The role the staff member acted in' }) role!: string;
}

export class TimelineEntryView {
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ description: 'The event type, e.g. MediationSessionRecorded' }) type!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: TimelineActor }) actor!: TimelineActor;
  @ApiProperty({ description: 'One sentence, in the language asked for (Accept-Language)' }) description!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event’s data as recorded' }) data!: Record<string, unknown>;
}
