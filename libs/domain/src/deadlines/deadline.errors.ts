import { rule } from '../shared/domain-error.js';
import type { PauseReason } from './deadline-policies.js';
import { PAUSE_REASON_LABELS, POLICY_FIELD_LABELS } from './deadline-labels.js';

/** Why an activity's day is refused, in words (the code stays in `details.reason`). */
const ACTIVITY_DAY_PROBLEMS: Readonly<Record<string, { en: string; zh: string }>> = {
  not_a_day: { en: 'is not a calendar day (YYYY-MM-DD)', zh: '不是有效的日期（应为 YYYY-MM-DD）' },
  before_1990: { en: 'is before 1990', zh: '早于1990年' },
  in_future: { en: 'is later than today (Beijing time)', zh: '晚于今天（北京时间）' },
};

/** The deadlines' broken rules: stable codes, a clerk's message in Chinese and English. */
export const deadlineRules = {
  administratorOnly: (): never =>
    rule('ADMINISTRATOR_ONLY', 'Only an administrator may set deadline policies.', '只有系统管理员才能设置期限规则。'),
  numberOutOfRange: (field: string, value: unknown, min: number, max: number): never =>
    rule(
      'POLICY_VALUE_OUT_OF_RANGE',
      `${POLICY_FIELD_LABELS[field]?.en ?? field} must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)}).`.replace(/^./, (c) => c.toUpperCase()),
      `${POLICY_FIELD_LABELS[field]?.zh ?? field}须为 ${min} 至 ${max} 之间的整数（收到 ${JSON.stringify(value)}）。`,
      { field, value, min, max },
    ),
  mediationBeyondLaw: (days: number): never =>
    rule(
      'MEDIATION_DAYS_BEYOND_LAW',
      `Mediation may not be given more than the law's 15 days from the application (LDMAL art. 14); ${days} was asked.`,
      `调解期限不得超过法定的自收到申请之日起15日（《劳动争议调解仲裁法》第十四条）；所设为${days}日。`,
      { days },
    ),
  pauseReasonUnknown: (reason: unknown): never =>
    rule('PAUSE_REASON_UNKNOWN', `"${String(reason)}" is not a reason for pausing the mediation clock.`, `“${String(reason)}”不是暂停调解计时的理由。`, { reason }),
  pauseReasonNotAllowed: (reason: PauseReason, allowed: readonly PauseReason[]): never =>
    rule(
      'PAUSE_REASON_NOT_ALLOWED',
      `The federation's policy does not allow pausing the mediation clock because ${PAUSE_REASON_LABELS[reason].en.toLowerCase()}.`,
      `本会规则不允许以“${PAUSE_REASON_LABELS[reason].zh}”为由暂停调解计时。`,
      { reason, allowed },
    ),
  pauseNoteRequired: (): never => rule('PAUSE_NOTE_REQUIRED', 'Say why the clock stops (who could not be reached, since when).', '请说明暂停计时的具体情况（如无法联系的当事人、自何时起）。'),
  clockAlreadyPaused: (caseId: string, since: string): never =>
    rule('MEDIATION_CLOCK_ALREADY_PAUSED', `The mediation clock of this case has stood paused since ${since}.`, `该案件的调解计时已自${since}起暂停。`, { caseId, since }),
  clockNotPaused: (caseId: string): never =>
    rule('MEDIATION_CLOCK_NOT_PAUSED', 'The mediation clock of this case is running; there is nothing to resume.', '该案件的调解计时未暂停，无需恢复。', { caseId }),
  clockStopped: (caseId: string): never =>
    rule('MEDIATION_CLOCK_STOPPED', 'An agreement has been reached: the mediation clock has stopped.', '已达成调解协议，调解计时已停止。', { caseId }),
  periodEnded: (caseId: string, dueOn: string): never =>
    rule(
      'MEDIATION_PERIOD_ENDED',
      `The mediation period ended on ${dueOn}; a clock that has run out cannot be paused.`,
      `调解期限已于${dueOn}届满，已届满的期限不能暂停。`,
      { caseId, dueOn },
    ),
  approvalKindUnknown: (kind: unknown): never =>
    rule(
      'APPROVAL_KIND_UNKNOWN',
      `"${String(kind)}" is not a kind of request waiting for approval (disbursement_approval, write_off_approval).`,
      `“${String(kind)}”不是待审批事项的类别（disbursement_approval 帮扶资金发放、write_off_approval 核销）。`,
      { kind },
    ),
  systemOnly: (): never => rule('SYSTEM_ONLY', 'Deadlines are checked by the system itself.', '期限由系统自动核查。'),
  cadreOnlyOrSupervisor: (cadreId: string): never =>
    rule(
      'NOT_THE_CADRE',
      "A cadre records their own activities; a supervisor may record anyone's.",
      '干部只能登记本人的活动；主管可以为任何干部登记。',
      { cadreId },
    ),
  activityKindUnknown: (kind: unknown): never =>
    rule('ACTIVITY_KIND_UNKNOWN', `"${String(kind)}" is not a kind of cadre activity.`, `“${String(kind)}”不是干部活动的类别。`, { kind }),
  activityTitleRequired: (): never => rule('ACTIVITY_TITLE_REQUIRED', 'Name the training or the visit.', '请填写培训或走访的名称。'),
  enterpriseRequired: (): never => rule('ENTERPRISE_REQUIRED', 'Name the key enterprise visited.', '请填写走访的重点企业名称。'),
  activityDateInvalid: (value: unknown, problem: string): never =>
    rule(
      'DATE_IMPLAUSIBLE',
      `The activity's day ${JSON.stringify(value)} ${(ACTIVITY_DAY_PROBLEMS[problem] ?? ACTIVITY_DAY_PROBLEMS.not_a_day).en}: a day from 1990 to today.`,
      `活动日期 ${JSON.stringify(value)} ${(ACTIVITY_DAY_PROBLEMS[problem] ?? ACTIVITY_DAY_PROBLEMS.not_a_day).zh}：须为1990年至今天之间的日期。`,
      { field: 'on', value, reason: problem },
    ),
};
