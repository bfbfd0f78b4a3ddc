import { describeDisputeEvent } from './dispute-case.describe.js';
import type { DisputeCaseEvent } from './dispute-case.events.js';

const CASE = 'case-1';
const staff: Record<string, string> = { 'staff-wang': '王芳', 'staff-zhao': '赵磊', 'staff-liu': '刘主任' };
const names = { staffName: (id: string) => staff[id], claimantName: (id: string) => ({ 'c-1': '张秀英' })[id] };

const opened: DisputeCaseEvent = {
  type: 'DisputeCaseOpened',
  data: {
    caseId: CASE,
    title: '宏达建材拖欠工资案',
    category: 'unpaid_wages',
    description: '',
    application: { kind: 'written', receivedAt: '2026-03-01' },
    respondent: { employerId: null, name: '仁和镇宏达建材有限公司' },
    claimants: Array.from({ length: 12 }, (_, i) => ({ claimantId: `c-${i}`, workerId: null, name: `职工${i + 1}` })),
    mediatorId: 'staff-wang',
    openedBy: 'staff-wang',
    openedAt: '2026-03-02T01:00:00.000Z',
  },
};
const session: DisputeCaseEvent = {
  type: 'MediationSessionRecorded',
  data: { caseId: CASE, sessionId: 's-2', number: 2, heldAt: '2026-03-01', place: '镇工会调解室', attendees: [], summary: '' },
};

describe('describeDisputeEvent', () => {
  it('says who recorded a mediation session, when the caller knows', () => {
    expect(describeDisputeEvent(session, 'zh', { ...names, actorId: 'staff-wang' })).toBe('王芳 记录了第2次调解会议（2026-03-01，镇工会调解室）');
    expect(describeDisputeEvent(session, 'en', { ...names, actorId: 'staff-wang' })).toBe(
      'Mediation session 2 recorded by 王芳 (2026-03-01, 镇工会调解室)',
    );
  });

  it('reads without any lookup', () => {
    expect(describeDisputeEvent(session, 'zh')).toBe('记录了第2次调解会议（2026-03-01，镇工会调解室）');
    expect(describeDisputeEvent(session, 'en')).toBe('Mediation session 2 recorded (2026-03-01, 镇工会调解室)');
  });

  it('names the opener from the event itself and counts claimants', () => {
    expect(describeDisputeEvent(opened, 'zh', names)).toBe(
      '王芳 登记了新案件“宏达建材拖欠工资案”（拖欠工资；被申请人：仁和镇宏达建材有限公司；12名申请人；书面申请，2026-03-01收到）',
    );
    expect(describeDisputeEvent(opened, 'en')).toBe(
      'Case "宏达建材拖欠工资案" opened by staff member staff-wang (unpaid wages; respondent: 仁和镇宏达建材有限公司; 12 claimants; written application received 2026-03-01)',
    );
  });

  it('shows an instant in Beijing time and money in yuan', () => {
    const followUp: DisputeCaseEvent = {
      type: 'FollowUpRecorded',
      data: { caseId: CASE, followUpId: 'f-1', at: '2026-04-02T01:30:00Z', method: 'phone', result: '第一期已到账' },
    };
    expect(describeDisputeEvent(followUp, 'zh')).toBe('记录了一次回访（2026-04-02 09:30，电话）：第一期已到账');
    const claim: DisputeCaseEvent = {
      type: 'ClaimRecorded',
      data: { caseId: CASE, claimantId: 'c-1', kind: 'unpaid_wages', amountFen: 243_200_005 },
    };
    expect(describeDisputeEvent(claim, 'zh', names)).toBe('登记了张秀英的请求：拖欠工资，2,432,000.05元');
    expect(describeDisputeEvent(claim, 'en')).toBe('Claim recorded for claimant c-1: unpaid wages, ¥2,432,000.05');
  });

  it('summarises an agreement by count, total and instalments', () => {
    const agreement: DisputeCaseEvent = {
      type: 'AgreementReached',
      data: {
        caseId: CASE,
        agreementId: 'a-1',
        amounts: [
          { claimantId: 'c-1', amountFen: 500_000 },
          { claimantId: 'c-2', amountFen: 300_000 },
        ],
        totalFen: 800_000,
        terms: '分两期支付',
        paymentDates: ['2026-04-01', '2026-05-01'],
        reachedAt: '2026-03-10T02:00:00Z',
      },
    };
    expect(describeDisputeEvent(agreement, 'zh')).toBe('记录了调解协议：2名申请人，合计8,000.00元，分2期支付（2026-04-01、2026-05-01）');
    expect(describeDisputeEvent(agreement, 'en')).toBe(
      'Mediation agreement reached: 2 claimants, ¥8,000.00 in total, payable in 2 instalments (2026-04-01, 2026-05-01)',
    );
  });

  it('shows an amendment as amending the earlier agreement, with its total and the reason', () => {
    const amended: DisputeCaseEvent = {
      type: 'AgreementAmended',
      data: {
        caseId: CASE,
        agreementId: 'a-2',
        amendsAgreementId: 'a-1',
        previousTotalFen: 92_250_000,
        reason: '公司破产清算，双方重新协商',
        amounts: [{ claimantId: 'c-1', amountFen: 50 }],
        totalFen: 50,
        terms: '一次付清',
        paymentDates: ['2026-06-01'],
        amendedAt: '2026-05-10T02:00:00Z',
      },
    };
    expect(describeDisputeEvent(amended, 'zh', { actorId: 'staff-wang', ...names })).toBe(
      '王芳 变更了调解协议（原协议合计922,500.00元；变更理由：公司破产清算，双方重新协商）：1名申请人，合计0.50元，于2026-06-01支付',
    );
    expect(describeDisputeEvent(amended, 'en', { actorId: 'staff-wang', ...names })).toBe(
      'Mediation agreement amended by 王芳 (the earlier agreement totalled ¥922,500.00; reason: 公司破产清算，双方重新协商): ' +
        '1 claimant, ¥0.50 in total, payable on 2026-06-01',
    );
  });

  it('has a sentence for every event type, in both languages', () => {
    const e = <T extends DisputeCaseEvent>(event: T) => event;
    const events: DisputeCaseEvent[] = [
      opened,
      e({ type: 'ClaimantsAdded', data: { caseId: CASE, claimants: opened.data.claimants as never } }),
      e({ type: 'IntakeAccepted', data: { caseId: CASE, acceptedBy: 'staff-wang', acceptedAt: '2026-03-02T01:00:00Z' } }),
      e({ type: 'IntakeDeclined', data: { caseId: CASE, reason: '已进入仲裁', declinedBy: 'staff-wang', declinedAt: '2026-03-02T01:00:00Z' } }),
      e({
        type: 'MediatorAssigned',
        data: { caseId: CASE, mediatorId: 'staff-zhao', previousMediatorId: 'staff-wang', assignedBy: 'staff-liu', assignedAt: '2026-03-02T01:00:00Z' },
      }),
      e({ type: 'CaseReferred', data: { caseId: CASE, referralId: 'r-1', agency: 'judicial_office', note: '', referredAt: '2026-03-02T01:00:00Z' } }),
      e({ type: 'ReferralAnswered', data: { caseId: CASE, referralId: 'r-1', agency: 'judicial_office', answer: '同意', answeredAt: '2026-03-04' } }),
      session,
      e({ type: 'CaseClosed', data: { caseId: CASE, outcome: 'referred_to_arbitration', reason: '十五日内未达成协议', closedBy: 'staff-wang', closedAt: '2026-03-20T01:00:00Z' } }),
      e({ type: 'CaseReopened', data: { caseId: CASE, reason: '当事人申请', reopenedBy: 'staff-liu', reopenedAt: '2026-03-21T01:00:00Z' } }),
    ];
    const zh = events.map((event) => describeDisputeEvent(event, 'zh', names));
    expect(zh.slice(1)).toEqual([
      '新增12名申请人：职工1、职工2、职工3、职工4、职工5等12人',
      '王芳 受理了该案件',
      '王芳 决定不予受理，案件关闭（理由：已进入仲裁）',
      '刘主任 将案件指派给调解员 赵磊（原调解员：王芳）',
      '将案件转交司法所协同处理',
      '登记了司法所的答复（2026-03-04）：同意',
      '记录了第2次调解会议（2026-03-01，镇工会调解室）',
      '王芳 结案：转劳动仲裁（十五日内未达成协议）',
      '刘主任 重新打开了案件（理由：当事人申请）',
    ]);
    const en = events.map((event) => describeDisputeEvent(event, 'en', names));
    expect(en.slice(1)).toEqual([
      '12 claimants added: 职工1, 职工2, 职工3, 职工4, 职工5 and 7 more',
      'Intake accepted by 王芳',
      'Intake declined by 王芳, case closed (reason: 已进入仲裁)',
      'Case assigned by 刘主任 to mediator 赵磊 (previously 王芳)',
      'Case referred to the judicial office',
      'Answer from the judicial office recorded (2026-03-04): 同意',
      'Mediation session 2 recorded (2026-03-01, 镇工会调解室)',
      'Case closed by 王芳: referred to arbitration (十五日内未达成协议)',
      'Case reopened by 刘主任 (reason: 当事人申请)',
    ]);
  });

  it('cuts a long note so the sentence stays on one line', () => {
    const long: DisputeCaseEvent = {
      type: 'FollowUpRecorded',
      data: { caseId: CASE, followUpId: 'f-1', at: '2026-04-02', result: '公司'.repeat(30) + '\n第二行' },
    };
    const sentence = describeDisputeEvent(long, 'zh');
    expect(sentence).not.toContain('\n');
    expect(sentence.endsWith('…')).toBe(true);
  });
});
