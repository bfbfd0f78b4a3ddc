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
}

export class AsOfView {
  @ApiProperty({ example: 'disputes' }) kind!: string;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() stream!: string;
  @ApiProperty({ type: String, nullable: true, description: 'As asked (null: now)' }) asOf!: string | null;
  @ApiProperty({ type: 'integer' }) eventsFolded!: number;
  @ApiProperty({ type: ReplayedEventRef, nullable: true }) lastEvent!: ReplayedEventRef | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The state folded by the domain’s own decider (null: not yet opened then)' })
  state!: unknown;
  @ApiProperty({ type: [InvariantView] }) invariants!: InvariantView[];
  @ApiProperty() allHeld!: boolean;
  @ApiProperty({ type: ChainView }) chain!: ChainView;
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
