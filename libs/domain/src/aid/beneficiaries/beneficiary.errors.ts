import { formatYuan } from '../../shared/money.js';
import { notFound, rule } from '../../shared/domain-error.js';
import { BENEFICIARY_FIELD_LABELS, type BeneficiaryField } from './beneficiary-labels.js';

/** Why a day is not plausible for the beneficiary files. */
export type ImplausibleDay = 'too_early' | 'in_future' | 'before_opening' | 'before_closing' | 'before_founding' | 'before_award';

const WHY: Record<ImplausibleDay, (limit: string) => { en: string; zh: string }> = {
  too_early: (limit) => ({ en: `cannot be before ${limit}`, zh: `不能早于${limit}` }),
  in_future: () => ({ en: 'cannot be later than today (Beijing time)', zh: '不能晚于今天（北京时间）' }),
  before_opening: (limit) => ({ en: `cannot be before the file was opened (${limit})`, zh: `不能早于建档日期（${limit}）` }),
  before_closing: (limit) => ({ en: `cannot be before the file was last closed (${limit})`, zh: `不能早于上次销档日期（${limit}）` }),
  before_founding: (limit) => ({
    en: `cannot be before the organisation was founded (${limit})`,
    zh: `不能早于该工会组织的成立日期（${limit}）`,
  }),
  before_award: (limit) => ({ en: `cannot be before the title was awarded (${limit})`, zh: `不能早于授予荣誉的年份（${limit}）` }),
};

const label = (field: BeneficiaryField) => BENEFICIARY_FIELD_LABELS[field];

/**
 * The broken rules of the beneficiary files (households, model workers, students, union
 * organisations) and care visits: stable codes, a clerk's message in English and Chinese.
 */
export const beneficiaryRules = {
  notAidRecorder: (): never =>
    rule(
      'NOT_AID_RECORDER',
      'Only a fund officer or a supervisor may record hardship files, model workers, students, union organisations and care visits.',
      '只有帮扶资金专员或主管才能登记困难职工档案、劳模、学生、工会组织和走访慰问。',
    ),
  /** A file names a worker as registered for cases (/api/workers): an unknown id is the clerk's to fix (422). */
  workerNotRegistered: (workerId: string): never =>
    rule(
      'WORKER_NOT_FOUND',
      `No worker ${workerId} is registered; register the worker first (/api/workers).`,
      `职工 ${workerId} 尚未登记，请先登记职工信息。`,
      { workerId },
    ),
  employerNotRegistered: (employerId: string): never =>
    rule(
      'EMPLOYER_NOT_FOUND',
      `No employer ${employerId} is registered; leave the employer out, or register it first (/api/employers).`,
      `用人单位 ${employerId} 尚未登记；可不填单位编号，或先登记该用人单位。`,
      { employerId },
    ),
  householdNotFound: (householdId: string): never =>
    notFound('HOUSEHOLD_FILE_NOT_FOUND', `No hardship household file ${householdId} has been opened.`, `困难职工档案 ${householdId} 不存在。`, {
      householdId,
    }),
  householdAlreadyOpen: (householdId: string): never =>
    rule(
      'HOUSEHOLD_FILE_ALREADY_OPEN',
      'This worker’s hardship file is already open; close it before opening it again.',
      '该职工的困难档案已在册；须先销档才能重新建档。',
      { householdId },
    ),
  householdNotOpen: (householdId: string): never =>
    rule('HOUSEHOLD_FILE_NOT_OPEN', 'This hardship file is already closed.', '该困难职工档案已销档。', { householdId }),
  modelWorkerNotFound: (modelWorkerId: string): never =>
    notFound('MODEL_WORKER_NOT_FOUND', `No model worker ${modelWorkerId} is on file.`, `劳模 ${modelWorkerId} 不在名册中。`, { modelWorkerId }),
  modelWorkerAlreadyOnFile: (modelWorkerId: string): never =>
    rule('MODEL_WORKER_ALREADY_ON_FILE', 'This worker is already on the model workers’ roll.', '该职工已在劳模名册中。', { modelWorkerId }),
  modelWorkerRemoved: (modelWorkerId: string): never =>
    rule('MODEL_WORKER_NOT_ON_FILE', 'This model worker has already left the roll.', '该劳模已移出名册。', { modelWorkerId }),
  studentNotFound: (studentId: string): never =>
    notFound('STUDENT_NOT_FOUND', `No student ${studentId} is on file.`, `学生 ${studentId} 未登记。`, { studentId }),
  studentAlreadyRegistered: (studentId: string): never =>
    rule('STUDENT_ALREADY_REGISTERED', `Student ${studentId} is already on file.`, `学生 ${studentId} 已登记。`, { studentId }),
  organisationNotFound: (organisationId: string): never =>
    notFound('ORGANISATION_NOT_FOUND', `No union organisation ${organisationId} is on file.`, `工会组织 ${organisationId} 未登记。`, {
      organisationId,
    }),
  organisationAlreadyCreated: (organisationId: string): never =>
    rule(
      'ORGANISATION_ALREADY_CREATED',
      `Union organisation ${organisationId} is already on file.`,
      `工会组织 ${organisationId} 已登记。`,
      { organisationId },
    ),
  organisationDissolved: (organisationId: string): never =>
    rule(
      'ORGANISATION_DISSOLVED',
      'This union organisation has been dissolved; nothing more is recorded for it.',
      '该工会组织已撤销，不能再登记。',
      { organisationId },
    ),
  workersHomeRatedOtherwise: (year: number, level: string): never =>
    rule(
      'WORKERS_HOME_ALREADY_RATED',
      `This unit is already rated a Workers’ Home for ${year} (${level}); a unit has one rating a year.`,
      `该单位${year}年度已评为职工之家（${level}），每年只能有一个评定。`,
      { year, level },
    ),
  careVisitAlreadyRecorded: (visitId: string): never =>
    rule('CARE_VISIT_ALREADY_RECORDED', `Care visit ${visitId} is already recorded.`, `走访记录 ${visitId} 已登记。`, { visitId }),
  careVisitNotFound: (visitId: string): never =>
    notFound('CARE_VISIT_NOT_FOUND', `No care visit ${visitId} is recorded.`, `走访记录 ${visitId} 不存在。`, { visitId }),
  careVisitWithdrawn: (visitId: string): never =>
    rule('CARE_VISIT_WITHDRAWN', 'This care visit was already withdrawn as recorded in error.', '该走访记录已作为误录撤销。', { visitId }),
  visiteeNotInHardshipOn: (day: string): never =>
    rule(
      'VISITEE_NOT_ELIGIBLE',
      `The household had no open hardship file on ${day}: a hardship visit goes to a household on file.`,
      `该家庭在${day}没有在册的困难职工档案：困难职工走访须针对在册家庭。`,
      { day, reason: 'no_open_hardship_file' },
    ),
  visiteeNotModelWorkerOn: (day: string): never =>
    rule(
      'VISITEE_NOT_ELIGIBLE',
      `This person was not a model worker on the roll on ${day}.`,
      `该职工在${day}不在劳模名册中。`,
      { day, reason: 'not_a_model_worker' },
    ),
  nameRequired: (field: 'workerName' | 'studentName' | 'organisationName'): never =>
    rule('NAME_REQUIRED', `Enter ${label(field).en}.`, `请填写${label(field).zh}。`, { field }),
  textRequired: (field: 'title' | 'school' | 'grade' | 'visitors' | 'enterprise'): never =>
    rule('TEXT_REQUIRED', `Write down ${label(field).en}.`, `请填写${label(field).zh}。`, { field }),
  reasonRequired: (): never => rule('REASON_REQUIRED', 'Give the reason.', '请填写理由。'),
  choiceInvalid: (field: BeneficiaryField, value: unknown): never =>
    rule(
      'CHOICE_INVALID',
      `"${String(value)}" is not a valid ${label(field).en}.`,
      `“${String(value)}”不是有效的${label(field).zh}。`,
      { field, value },
    ),
  countInvalid: (field: 'householdSize' | 'members', value: unknown, min: number): never =>
    rule(
      'COUNT_INVALID',
      `${label(field).en} is a whole number of at least ${min}.`,
      `${label(field).zh}应为不小于${min}的整数。`,
      { field, value, min },
    ),
  awardBeforeWorkingAge: (value: number, minAge: number): never =>
    // The birth year is not given back: masked ID numbers hide the birth date, and so does this answer.
    rule(
      'YEAR_INVALID',
      `${label('yearAwarded').en} (${value}) is before the worker was ${minAge}, by the birth date in the registered ID number: check the year.`,
      `${label('yearAwarded').zh}（${value}年）早于该职工年满${minAge}周岁（按登记的身份证号码中的出生日期），请核对。`,
      { field: 'yearAwarded', value, reason: 'before_working_age', minAge },
    ),
  visitProgrammeNotFound: (programmeId: string): never =>
    rule('PROGRAMME_NOT_FOUND', `No aid programme ${programmeId} exists: name one of the fund's programmes.`, `帮扶项目 ${programmeId} 不存在，请填写资金账户中的帮扶项目。`, {
      field: 'programmeId',
      value: programmeId,
    }),
  visitDisbursementNotFound: (disbursementId: string): never =>
    rule('DISBURSEMENT_NOT_FOUND', `No disbursement ${disbursementId} was requested from the aid fund.`, `帮扶资金中没有编号为 ${disbursementId} 的发放记录。`, {
      field: 'disbursementId',
      value: disbursementId,
    }),
  visitDisbursementOfOther: (disbursementId: string): never =>
    rule(
      'DISBURSEMENT_NOT_FOR_VISITEE',
      'This disbursement was granted to someone else: a visit names the disbursement paid to the one visited.',
      '该笔帮扶资金发放给了其他受助对象：走访记录只能关联发放给被走访对象的款项。',
      { field: 'disbursementId', value: disbursementId },
    ),
  visitDisbursementOfOtherProgramme: (programmeId: string, disbursementId: string, disbursementProgrammeId: string): never =>
    rule(
      'DISBURSEMENT_OTHER_PROGRAMME',
      'The disbursement was granted under another aid programme than the one named for the visit.',
      '该笔帮扶资金发放所属的帮扶项目与本次走访填写的项目不一致。',
      { field: 'programmeId', value: programmeId, disbursementId, disbursementProgrammeId },
    ),
  visitMoneyAboveDisbursement: (value: number, paidFen: number, disbursementId: string): never =>
    rule(
      'MONEY_ABOVE_DISBURSEMENT',
      `The ${label('moneyFen').en} (${formatYuan(value, 'en')}) is more than the disbursement paid (${formatYuan(paidFen, 'en')}; nothing until it is paid).`,
      `${label('moneyFen').zh}（${formatYuan(value, 'zh')}）超过该笔发放已支付的金额（${formatYuan(paidFen, 'zh')}；未支付前为零）。`,
      { field: 'moneyFen', value, paidFen, disbursementId },
    ),
  yearInvalid: (field: 'yearAwarded' | 'year', value: unknown, from: number, to: number): never =>
    rule(
      'YEAR_INVALID',
      `${label(field).en} must be a year from ${from} to ${to}.`,
      `${label(field).zh}应为${from}年至${to}年之间的年份。`,
      { field, value, from, to },
    ),
  dateInvalid: (field: BeneficiaryField, value: unknown): never =>
    rule('DATE_INVALID', `${label(field).en} must be a date such as 2026-03-01.`, `${label(field).zh}应为日期，如 2026-03-01。`, {
      field,
      value,
    }),
  dateImplausible: (field: BeneficiaryField, value: string, reason: ImplausibleDay, limit: string): never => {
    const why = WHY[reason](limit);
    return rule('DATE_IMPLAUSIBLE', `${label(field).en} ${why.en}: ${value}.`, `${label(field).zh}${why.zh}：${value}。`, {
      field,
      value,
      reason,
      limit,
    });
  },
};

/** Every code the beneficiary deciders can answer with. */
export const BENEFICIARY_ERROR_CODES = [
  'NOT_AID_RECORDER',
  'WORKER_NOT_FOUND',
  'EMPLOYER_NOT_FOUND',
  'HOUSEHOLD_FILE_NOT_FOUND',
  'HOUSEHOLD_FILE_ALREADY_OPEN',
  'HOUSEHOLD_FILE_NOT_OPEN',
  'MODEL_WORKER_NOT_FOUND',
  'MODEL_WORKER_ALREADY_ON_FILE',
  'MODEL_WORKER_NOT_ON_FILE',
  'STUDENT_NOT_FOUND',
  'STUDENT_ALREADY_REGISTERED',
  'ORGANISATION_NOT_FOUND',
  'ORGANISATION_ALREADY_CREATED',
  'ORGANISATION_DISSOLVED',
  'WORKERS_HOME_ALREADY_RATED',
  'CARE_VISIT_ALREADY_RECORDED',
  'CARE_VISIT_NOT_FOUND',
  'CARE_VISIT_WITHDRAWN',
  'VISITEE_NOT_ELIGIBLE',
  'NAME_REQUIRED',
  'TEXT_REQUIRED',
  'REASON_REQUIRED',
  'CHOICE_INVALID',
  'COUNT_INVALID',
  'AMOUNT_INVALID',
  'YEAR_INVALID',
  'DATE_INVALID',
  'DATE_IMPLAUSIBLE',
] as const;
export type BeneficiaryErrorCode = (typeof BENEFICIARY_ERROR_CODES)[number];
