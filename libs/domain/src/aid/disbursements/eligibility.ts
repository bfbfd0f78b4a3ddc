import type { Bilingual } from '../../shared/bilingual.js';
import { rule } from '../../shared/domain-error.js';
import { formatYuan } from '../../shared/money.js';
import { PROGRAMME_KIND_LABELS, WORKERS_HOME_SUBSIDY_FEN, type ProgrammeKind } from '../aid-labels.js';
import type { BeneficiaryFacts, BeneficiaryKind } from '../beneficiary-facts.js';

/** Why a beneficiary does not qualify, for the clerk and for tests. */
export type IneligibleReason =
  | 'wrong_kind'
  | 'no_open_hardship_file'
  | 'not_a_student'
  | 'not_a_model_worker'
  | 'not_a_single_mother_household'
  | 'not_a_registered_worker'
  | 'not_rated_workers_home';

const REASONS: Record<IneligibleReason, Bilingual> = {
  wrong_kind: { zh: '受助对象的类别不符合该项目', en: 'this kind of beneficiary is not covered by the programme' },
  no_open_hardship_file: { zh: '该户没有在档的困难职工档案', en: 'the household has no open hardship file' },
  not_a_student: { zh: '受助对象不是在读学生', en: 'the beneficiary is not a student on file' },
  not_a_model_worker: { zh: '受助对象不是在册劳模', en: 'the beneficiary is not a model worker on file' },
  not_a_single_mother_household: { zh: '该户不是单亲母亲家庭', en: "the household is not a single mother's household" },
  not_a_registered_worker: { zh: '受助对象不是已登记的在职职工', en: 'the beneficiary is not a registered worker' },
  not_rated_workers_home: { zh: '该单位当年未被评为职工之家', en: "the unit was not rated a Workers' Home that year" },
};

/** Who each programme is for. */
const KINDS: Record<ProgrammeKind, readonly BeneficiaryKind[]> = {
  festival_visits: ['household', 'model_worker'],
  single_mothers: ['household'],
  model_worker_care: ['model_worker'],
  student_grants: ['student'],
  special_hardship: ['household'],
  medical_mutual_aid: ['household', 'model_worker', 'student'],
  workers_home_subsidy: ['organisation'],
};

/** The first rule of the programme the facts fail, or null when the beneficiary qualifies in `year`. */
export function ineligibility(kind: ProgrammeKind, facts: BeneficiaryFacts, year: number): IneligibleReason | null {
  if (!KINDS[kind].includes(facts.ref.kind)) return 'wrong_kind';
  switch (kind) {
    case 'student_grants':
      if (!facts.student) return 'not_a_student';
      return facts.openHardshipFile ? null : 'no_open_hardship_file';
    case 'model_worker_care':
      return facts.modelWorker ? null : 'not_a_model_worker';
    case 'single_mothers':
      return facts.singleMotherHousehold ? null : 'not_a_single_mother_household';
    case 'festival_visits':
      // 两节送温暖 visits households in hardship and model workers.
      return facts.openHardshipFile || facts.modelWorker ? null : 'no_open_hardship_file';
    case 'special_hardship':
      return facts.openHardshipFile ? null : 'no_open_hardship_file';
    case 'medical_mutual_aid':
      return facts.workerId ? null : 'not_a_registered_worker';
    case 'workers_home_subsidy':
      return facts.workersHomeRatedYears.includes(year) ? null : 'not_rated_workers_home';
    default: {
      const unhandled: never = kind;
      return unhandled;
    }
  }
}

/** Refuses a beneficiary the programme's rule does not cover (NOT_ELIGIBLE, with the reason). */
export function requireEligible(kind: ProgrammeKind, facts: BeneficiaryFacts, year: number): void {
  const reason = ineligibility(kind, facts, year);
  if (!reason) return;
  const programme = PROGRAMME_KIND_LABELS[kind];
  rule(
    'NOT_ELIGIBLE',
    `${facts.displayName} does not qualify for ${programme.en}: ${REASONS[reason].en}.`,
    `${facts.displayName}不符合“${programme.zh}”的条件：${REASONS[reason].zh}。`,
    { reason, programmeKind: kind, beneficiary: facts.ref, year },
  );
}

/** The Workers' Home subsidy is a fixed sum. */
export function requireWorkersHomeAmount(amountFen: number): void {
  if (amountFen === WORKERS_HOME_SUBSIDY_FEN) return;
  rule(
    'WORKERS_HOME_SUBSIDY_FIXED',
    `The Workers' Home subsidy is ${formatYuan(WORKERS_HOME_SUBSIDY_FEN, 'en')} per rated unit a year.`,
    `职工之家补贴为每个达标单位每年${formatYuan(WORKERS_HOME_SUBSIDY_FEN, 'zh')}。`,
    { amountFen, fixedFen: WORKERS_HOME_SUBSIDY_FEN },
  );
}
