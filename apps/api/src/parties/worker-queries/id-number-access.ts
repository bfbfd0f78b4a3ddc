import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { maskResidentId, type Actor } from '#domain';
import type { DataSource } from 'typeorm';

/**
 * Who sees a worker's full resident ID number: supervisors, administrators, and the mediator
 * of a case the worker is in. Everyone else, and every list, gets it masked (110105********1234).
 */
@Injectable()
export class IdNumberAccess {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async mayRead(actor: Actor, workerId: string): Promise<boolean> {
    if (actor.role === 'supervisor' || actor.role === 'administrator') return true;
    if (actor.role !== 'mediator') return false;
    const rows = await this.ds.query(
      `SELECT 1 FROM dispute_claimants c JOIN dispute_cases d ON d.id = c.case_id
       WHERE c.worker_id = $1 AND d.mediator_id = $2 LIMIT 1`,
      [workerId, actor.staffId],
    );
    return rows.length > 0;
  }

  async show(actor: Actor, workerId: string, idNumber: string): Promise<{ idNumber: string; idNumberMasked: boolean }> {
    return (await this.mayRead(actor, workerId)) ? { idNumber, idNumberMasked: false } : { idNumber: maskResidentId(idNumber), idNumberMasked: true };
  }
}
