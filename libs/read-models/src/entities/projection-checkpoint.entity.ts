import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How far each projection has read the global log; written in the same transaction as its rows. */
@Entity({ name: 'projection_checkpoints' })
export class ProjectionCheckpoint {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  position!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
