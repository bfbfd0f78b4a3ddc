/**
 * The contract between the aid fund's disbursements and the beneficiary files (households,
 * model workers, students, union organisations). A disbursement's `decide` checks a programme's
 * eligibility rule against these facts; the application reads them from the beneficiary's own
 * stream(s) as of the request and hands them in with the command, so `decide` stays pure.
 */
export type BeneficiaryKind = 'household' | 'model_worker' | 'student' | 'organisation';

export interface BeneficiaryRef {
  kind: BeneficiaryKind;
  /** The beneficiary file's id (a household file, a model worker, a student, an organisation). */
  id: string;
}

export interface BeneficiaryFacts {
  ref: BeneficiaryRef;
  /** For the timeline and the approval queue. */
  displayName: string;
  /** The worker (as registered for cases) the household file, model worker or student belongs to. */
  workerId: string | null;
  /** Household: a hardship file (困难职工档案) open on the day asked about. Student: their household's file. */
  openHardshipFile: boolean;
  /** Household (or a student's household): a single mother's household (三八助单亲). */
  singleMotherHousehold: boolean;
  /** A model worker on file (关爱劳模), with the title's level. */
  modelWorker: { level: 'national' | 'municipal' | 'district'; title: string } | null;
  /** A student (金秋助学). */
  student: { name: string; school: string; grade: string } | null;
  /** Organisation: the years it was rated a Workers' Home (职工之家). */
  workersHomeRatedYears: number[];
}
