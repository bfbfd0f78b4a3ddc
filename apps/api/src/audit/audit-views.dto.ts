import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class BilingualText {
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}

export class AuditProblemView {
  @ApiProperty({
    enum: ['hash_mismatch', 'chain_broken', 'revision_gap', 'differs_from_anchor', 'anchored_event_missing', 'not_anchored', 'out_of_order', 'root_mismatch', 'head_mismatch', 'signature_invalid', 'malformed_line'],
  })
  kind!: string;
  @ApiProperty({ type: String, nullable: true }) streamName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Stream revision (decimal)' }) revision!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) eventId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) position?: string | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'The event’s Merkle leaf index' }) leafIndex?: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) checkpointId?: string | null;
  @ApiProperty({ type: BilingualText }) message!: BilingualText;
}

export class CheckpointCheckView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer' }) size!: number;
  @ApiProperty() rootHash!: string;
  @ApiProperty({ type: String, nullable: true }) recomputed!: string | null;
  @ApiProperty() matches!: boolean;
}

export class VerifyReportView {
  @ApiProperty({ description: 'True when nothing differs' }) ok!: boolean;
  @ApiProperty({ type: String, nullable: true }) stream!: string | null;
  @ApiProperty({ type: 'integer' }) eventsChecked!: number;
  @ApiProperty({ type: 'integer' }) streamsChecked!: number;
  @ApiProperty({ description: 'Merkle root over everything read (empty for one stream)' }) rootHash!: string;
  @ApiProperty({ type: [CheckpointCheckView] }) checkpointsChecked!: CheckpointCheckView[];
  @ApiProperty({ type: [AuditProblemView], description: 'In log order: the first is the first thing that does not match' }) problems!: AuditProblemView[];
  @ApiProperty() truncated!: boolean;
  @ApiProperty({ type: 'number', description: 'Seconds taken' }) seconds!: number;
}

export class CheckpointBodyView {
  @ApiProperty({ enum: [1] }) version!: 1;
  @ApiProperty({ example: '7421:1093' }) position!: string;
  @ApiProperty({ type: 'integer' }) size!: number;
  @ApiProperty() rootHash!: string;
  @ApiProperty() headsDigest!: string;
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
}

export class SignedCheckpointView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: CheckpointBodyView }) checkpoint!: CheckpointBodyView;
  @ApiProperty({ description: 'Ed25519 over the RFC 8785 canonical JSON of `checkpoint`, base64' }) signature!: string;
  @ApiProperty({ description: 'SHA-256 of the public key (SPKI DER), hex' }) keyId!: string;
  @ApiProperty({ description: 'PEM (SPKI)' }) publicKey!: string;
  @ApiProperty({ description: '"system" for the timer, else the staff id' }) requestedBy!: string;
}

export class StreamHeadView {
  @ApiProperty() streamName!: string;
  @ApiProperty() revision!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() hash!: string;
}

export class CheckpointFileView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: CheckpointBodyView }) checkpoint!: CheckpointBodyView;
  @ApiProperty() signature!: string;
  @ApiProperty() keyId!: string;
  @ApiProperty() publicKey!: string;
  @ApiProperty({ type: [StreamHeadView], description: 'Every stream’s head at that size; their digest is signed' }) heads!: StreamHeadView[];
}

export class PublicKeyView {
  @ApiProperty({ enum: ['Ed25519'] }) algorithm!: 'Ed25519';
  @ApiProperty() keyId!: string;
  @ApiProperty({ description: 'PEM (SPKI)' }) publicKey!: string;
}

export class InclusionProofView {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() streamName!: string;
  @ApiProperty() revision!: string;
  @ApiProperty({ type: 'integer' }) leafIndex!: number;
  @ApiProperty({ type: 'integer' }) treeSize!: number;
  @ApiProperty({ description: 'The event’s hash as anchored (the leaf is SHA-256(0x00 || these 32 bytes))' }) eventHash!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Its hash in the log now (null: the event is gone)' }) eventHashNow!: string | null;
  @ApiProperty() leafHash!: string;
  @ApiProperty({ type: [String], description: 'RFC 9162 §2.1.3 audit path, leaf level first' }) auditPath!: string[];
  @ApiProperty({ type: SignedCheckpointView }) checkpoint!: SignedCheckpointView;
}

export class ConsistencyProofView {
  @ApiProperty({ type: SignedCheckpointView }) from!: SignedCheckpointView;
  @ApiProperty({ type: SignedCheckpointView }) to!: SignedCheckpointView;
  @ApiProperty({ type: [String], description: 'RFC 9162 §2.1.4 consistency proof' }) proof!: string[];
}

export class InvariantView {
  @ApiProperty({ example: 'AGREEMENT_TOTAL_IS_SUM' }) code!: string;
  @ApiProperty() description!: string;
  @ApiProperty() held!: boolean;
  @ApiProperty({ type: String, nullable: true }) violation!: string | null;
}

export class ReplayedEventRef {
  @ApiProperty() revision!: string;
  @ApiProperty() position!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class ChainView {
  @ApiProperty() intact!: boolean;
  @ApiProperty({ type: [AuditProblemView] }) problems!: AuditProblemView[];
  @ApiProperty({ type: String, nullable: true, description: 'The first event re-hashed (after the snapshot’s event, linked to it, when the replay started from one); null: none folded' })
  fromRevision!: string | null;
}

export class SnapshotUseView {
  @ApiProperty({ description: 'The snapshot covers the events up to this revision' }) revision!: string;
  @ApiProperty({ example: '7421:1093' }) position!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ description: 'That event’s hash, still the one in the log' }) eventHash!: string;
  @ApiProperty({ format: 'date-time' }) takenAt!: string;
}

export class SnapshotRejectedView {
  @ApiProperty() revision!: string;
  @ApiProperty({ description: 'Why it was not used (a sign that the log or the snapshot was altered)' }) reason!: string;
}

/** How a replay reached its state: from which snapshot, how many events folded, whether they were intact, which invariants held. */
export class ReplayStandingView {
  @ApiProperty({ type: 'integer', description: 'Events folded (after the snapshot, when it started from one)' }) eventsFolded!: number;
  @ApiProperty({ type: ReplayedEventRef, nullable: true, description: 'The last event covered: where the state stands (null: nothing yet then)' }) lastEvent!: ReplayedEventRef | null;
  @ApiProperty({ type: SnapshotUseView, nullable: true, description: 'The signed snapshot the fold started from, checked (signature, state hash, its event still in the chain); null: from the first event' })
  snapshot!: SnapshotUseView | null;
  @ApiProperty({ type: [SnapshotRejectedView] }) snapshotsRejected!: SnapshotRejectedView[];
  @ApiProperty({ type: [InvariantView] }) invariants!: InvariantView[];
  @ApiProperty() allHeld!: boolean;
  @ApiProperty({ type: ChainView }) chain!: ChainView;
}

export class AsOfView extends ReplayStandingView {
  @ApiProperty({ example: 'disputes' }) kind!: string;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() stream!: string;
  @ApiProperty({ type: String, nullable: true, description: 'As asked (null: now)' }) asOf!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The state folded by the domain’s own decider (null: not yet opened then)' })
  state!: unknown;
}

/** On a record's page asked for `?asOf=`: the moment it answers for, and how the replay got there. */
export class PageAsOfView extends ReplayStandingView {
  @ApiProperty({ description: 'As asked: an instant with its offset, or a log position' }) asOf!: string;
  @ApiProperty({ type: String, nullable: true, example: '7421:1093', description: 'The log position the page stands at (its last event’s)' }) position!: string | null;
  @ApiProperty({ type: 'integer', description: 'The record’s revision then (-1: no event yet)' }) revision!: number;
}

export class AuditReadView {
  @ApiProperty({ format: 'date-time' }) readAt!: string;
  @ApiProperty() staffId!: string;
  @ApiProperty() role!: string;
  @ApiProperty({ enum: ['worker'] }) subjectKind!: string;
  @ApiProperty({ format: 'uuid' }) subjectId!: string;
  @ApiProperty({ description: 'Whether the full ID and phone numbers were shown' }) fullNumbers!: boolean;
  @ApiProperty({ type: String, nullable: true }) correlationId!: string | null;
}

export class ActorView {
  @ApiProperty() staffId!: string;
  @ApiProperty() role!: string;
}

/** One line of the JSON Lines export: an event with where it sits, what its hash covers, and who did it. */
export class TrailLineView {
  @ApiProperty({ example: '7421:1093' }) position!: string;
  @ApiProperty() streamName!: string;
  @ApiProperty({ description: 'Stream revision (decimal)' }) revision!: string;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true }) metadata!: unknown;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ description: 'sha256(prevHash \\n stream \\n revision \\n canonical {id,type,data,metadata}), hex' }) hash!: string;
  @ApiProperty({ description: 'The stream’s previous event’s hash ("" for revision 0)' }) prevHash!: string;
  @ApiProperty({ type: ActorView, nullable: true }) actor!: ActorView | null;
}
