import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { maskPhone, maskPhonesIn, maskResidentId, type Actor } from '#domain';
import type { DataSource } from 'typeorm';

/** A worker's personal numbers as one reader may see them. */
export interface PersonalNumbers {
  idNumber: string;
  idNumberMasked: boolean;
  phone: string | null;
  phoneMasked: boolean;
}

/**
 * Who sees a worker's full resident ID number and phone number: supervisors, administrators,
 * and the mediator of a case the worker is a claimant in through a verified link: whoever named
 * the worker as a claimant showed they know the worker, by giving the worker's resident ID
 * number beside the worker id, or by having registered the worker themselves (case-parties.ts;
 * the claimant's `idVerified`, kept in dispute_claimants.id_verified). Naming a worker by the
 * name and id every role can list unmasks nothing, nor does a claimant recorded before the rule.
 * Everyone else, and every list, gets them masked (110105********1234, 138****8000). An
 * employer's contact phone likewise, for the mediators of its cases.
 */
@Injectable()
export class IdNumberAccess {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async mayRead(actor: Actor, workerId: string): Promise<boolean> {
    if (actor.role === 'supervisor' || actor.role === 'administrator') return true;
    if (actor.role !== 'mediator') return false;
    const rows = await this.ds.query(
      `SELECT 1 FROM dispute_claimants c JOIN dispute_cases d ON d.id = c.case_id
       WHERE c.worker_id = $1 AND d.mediator_id = $2 AND c.id_verified LIMIT 1`,
      [workerId, actor.staffId],
    );
    return rows.length > 0;
  }

  /** An employer's contact (a person and a phone): in full for supervisors, administrators and the mediators of its cases. */
  async showContact(actor: Actor, employerId: string, contact: string | null): Promise<{ contact: string | null; contactMasked: boolean }> {
    if (contact === null) return { contact, contactMasked: false };
    const full = actor.role === 'supervisor' || actor.role === 'administrator' || (actor.role === 'mediator' && (await this.mediatesAgainst(actor.staffId, employerId)));
    return full ? { contact, contactMasked: false } : { contact: maskPhonesIn(contact), contactMasked: true };
  }

  private async mediatesAgainst(staffId: string, employerId: string): Promise<boolean> {
    const rows = await this.ds.query(`SELECT 1 FROM dispute_cases WHERE respondent_employer_id = $1 AND mediator_id = $2 LIMIT 1`, [employerId, staffId]);
    return rows.length > 0;
  }

  async show(actor: Actor, workerId: string, numbers: { idNumber: string; phone: string | null }): Promise<PersonalNumbers> {
    if (await this.mayRead(actor, workerId)) return { idNumber: numbers.idNumber, idNumberMasked: false, phone: numbers.phone, phoneMasked: false };
    return masked(numbers);
  }
}

/** As every list shows them, whoever asks. */
export function masked(numbers: { idNumber: string; phone: string | null }): PersonalNumbers {
  return {
    idNumber: maskResidentId(numbers.idNumber),
    idNumberMasked: true,
    phone: numbers.phone === null ? null : maskPhone(numbers.phone),
    phoneMasked: numbers.phone !== null,
  };
}
