import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per model worker (劳模) on the roll, removed ones included (with the day they left). */
@Entity({ name: 'aid_model_workers' })
export class AidModelWorkerRow {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'worker_id', type: 'uuid' }) workerId!: string;
  @Column({ name: 'worker_name', type: 'text' }) workerName!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) level!: string;
  @Column({ name: 'year_awarded', type: 'int' }) yearAwarded!: number;
  @Column({ name: 'removed_on', type: 'date', nullable: true }) removedOn!: string | null;
  @Column({ type: 'jsonb' }) detail!: Record<string, unknown>;
  @Column({ type: 'bigint' }) revision!: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
