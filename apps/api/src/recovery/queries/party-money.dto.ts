import { ApiProperty } from '@nestjs/swagger';

const fen = (description: string) => ApiProperty({ type: 'integer', description: `${description}, in fen` });

/** A worker's money in one case, on the worker's page. */
export class WorkerCaseMoney {
  @fen('Owed to the worker under the agreement in force') owedFen!: number;
  @fen('Paid to the worker') paidFen!: number;
  @fen('Still owed to the worker: owed − paid − written off (held and allocated money included)') stillOwedFen!: number;
  @fen('Received for the worker, held while they cannot be reached') heldFen!: number;
  @fen('Written off') writtenOffFen!: number;
}

/** What an employer owes across its cases, on the employer's page. */
export class EmployerOwed {
  @ApiProperty({ type: 'integer', description: 'Cases with a recovery ledger' }) cases!: number;
  @fen('Owed under the agreements in force') owedFen!: number;
  @fen('Paid in by the employer') receivedFen!: number;
  @fen('Still to be paid in by the employer') outstandingFen!: number;
  @fen('Written off') writtenOffFen!: number;
}

/** SQL for a worker's money per case: joined on (case, claimant). */
export const WORKER_MONEY_COLUMNS = `
  CASE WHEN rw.case_id IS NULL THEN NULL ELSE json_build_object(
    'owedFen', rw.owed_fen, 'paidFen', rw.paid_fen, 'stillOwedFen', rw.owed_fen - rw.paid_fen - rw.written_off_fen,
    'heldFen', rw.held_fen, 'writtenOffFen', rw.written_off_fen) END AS "recovery"`;

/** json_build_object gives bigint as a JSON number: whole fen, within the safe range the domain checked. */
export async function employerOwed(query: (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>, employerId: string): Promise<EmployerOwed> {
  const [row] = await query(
    `SELECT count(*)::int AS cases, coalesce(sum(r.owed_fen), 0) AS owed, coalesce(sum(r.received_fen), 0) AS received,
            coalesce(sum(r.outstanding_fen), 0) AS outstanding, coalesce(sum(r.written_off_fen), 0) AS written_off
     FROM recoveries r JOIN dispute_cases c ON c.id = r.case_id WHERE c.respondent_employer_id = $1`,
    [employerId],
  );
  return {
    cases: Number(row!.cases),
    owedFen: Number(row!.owed),
    receivedFen: Number(row!.received),
    outstandingFen: Number(row!.outstanding),
    writtenOffFen: Number(row!.written_off),
  };
}
