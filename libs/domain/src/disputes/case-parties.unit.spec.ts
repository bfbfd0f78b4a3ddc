import { DomainError } from '../shared/domain-error.js';
import { deciderSpec } from '../shared/decider-spec.js';
import type { CommandContext } from '../shared/messages.js';
import { residentIdCheckChar } from '../parties/resident-id.js';
import { checkCaseParties, type RegisteredParties } from './case-parties.js';
import { disputeCaseDecider, type AddClaimants, type OpenDisputeCase } from './dispute-case.decide.js';
import type { ClaimantsAdded, DisputeCaseOpened } from './dispute-case.events.js';

const NOW = '2026-06-30T02:00:00.000Z';
const ctx: CommandContext = { actor: { staffId: 'staff-wang', role: 'mediator' }, now: NOW };
const spec = deciderSpec(disputeCaseDecider);

const W1 = '0b6c1f3e-1111-4111-8111-111111111111';
const W2 = '0b6c1f3e-2222-4222-8222-222222222222';
const E1 = '0b6c1f3e-eeee-4eee-8eee-eeeeeeeeeeee';
/** Zhang and Li are registered workers, E1 a registered employer. */
const REGISTERED: RegisteredParties = { workers: { [W1]: { name: '张秀英' }, [W2]: { name: '李建国' } }, employers: [E1] };

const open = (over: Partial<OpenDisputeCase['data']> = {}): OpenDisputeCase => ({
  type: 'OpenDisputeCase',
  ctx,
  data: {
    caseId: 'case-1',
    title: '宏达建材拖欠工资案',
    category: 'unpaid_wages',
    description: '',
    application: { kind: 'written', receivedAt: '2026-03-01' },
    respondent: { name: '宏达建材', employerId: E1 },
    claimants: [
      { claimantId: 'c-1', workerId: W1, name: '张秀英' },
      { claimantId: 'c-2', workerId: null, name: '王淑芬' },
    ],
    registered: REGISTERED,
    ...over,
  },
});
const add = (claimants: AddClaimants['data']['claimants'], registered: RegisteredParties | null = REGISTERED): AddClaimants => ({
  type: 'AddClaimants',
  ctx,
  data: { caseId: 'case-1', claimants, ...(registered ? { registered } : {}) },
});
/** A case recorded before the rule: its claimant names a worker id nobody registered. */
const openedLongAgo: DisputeCaseOpened = {
  type: 'DisputeCaseOpened',
  data: {
    caseId: 'case-1',
    title: '旧案',
    category: 'unpaid_wages',
    description: '',
    application: { kind: 'written', receivedAt: '2026-03-01' },
    respondent: { name: '某公司', employerId: 'employer-that-never-was' },
    claimants: [{ claimantId: 'c-1', workerId: 'worker-that-never-was', name: '某人' }],
    mediatorId: 'staff-wang',
    openedBy: 'staff-wang',
    openedAt: NOW,
  },
};

function opened(employerId: string | null, claimants: { claimantId: string; workerId?: string | null; name: string; idVerified?: boolean }[]): DisputeCaseOpened {
  return {
    type: 'DisputeCaseOpened',
    data: {
      caseId: 'case-1',
      title: '宏达建材拖欠工资案',
      category: 'unpaid_wages',
      description: '',
      application: { kind: 'written', receivedAt: '2026-03-01' },
      respondent: { employerId, name: '宏达建材' },
      claimants: claimants.map((c) => ({ claimantId: c.claimantId, workerId: c.workerId ?? null, name: c.name, ...(c.idVerified ? { idVerified: true as const } : {}) })),
      mediatorId: 'staff-wang',
      openedBy: 'staff-wang',
      openedAt: NOW,
    },
  };
}

const details = (run: () => unknown): Record<string, unknown> => {
  try {
    run();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, ...e.details, messages: e.messages };
    throw e;
  }
  throw new Error('expected a DomainError');
};

describe('the parties a case names (case-parties.ts)', () => {
  it('opens a case whose claimants are the registered workers they name, against a registered employer; claimants without a worker id need nothing', () => {
    spec.given([]).when(open()).then([opened(open().data.respondent.employerId ?? null, open().data.claimants)]);
  });

  it('WORKER_NOT_FOUND: a worker id nobody registered, naming the field', () => {
    const unknown = '0b6c1f3e-9999-4999-8999-999999999999';
    const claimants = [{ claimantId: 'c-1', workerId: W1, name: '张秀英' }, { claimantId: 'c-2', name: '王淑芬' }, { claimantId: 'c-3', workerId: unknown, name: '赵丽娟' }];
    spec.given([]).when(open({ claimants })).thenThrows('WORKER_NOT_FOUND');
    expect(details(() => checkCaseParties(claimants, undefined, REGISTERED))).toMatchObject({
      code: 'WORKER_NOT_FOUND',
      field: 'claimants[2].workerId',
      fields: ['claimants[2].workerId'],
      workerIds: [unknown],
      messages: { zh: expect.stringContaining('第3位申请人'), en: expect.stringContaining('claimant 3') },
    });
  });

  it('CLAIMANT_NOT_THAT_WORKER: naming someone else’s worker id under another name, naming the field', () => {
    const claimants = [{ claimantId: 'c-1', workerId: W1, name: '冒名者' }];
    spec.given([]).when(open({ claimants })).thenThrows('CLAIMANT_NOT_THAT_WORKER');
    expect(details(() => checkCaseParties([{ name: '张秀英' }, { workerId: W2, name: '张秀英' }], undefined, REGISTERED))).toMatchObject({
      code: 'CLAIMANT_NOT_THAT_WORKER',
      fields: ['claimants[1].name'],
    });
  });

  it('compares names as the system keeps them (trimmed), and ids whatever their case', () => {
    expect(() => checkCaseParties([{ workerId: W1.toUpperCase(), name: ' 张秀英\t' }], { employerId: E1.toUpperCase() }, REGISTERED)).not.toThrow();
    // One character off is another person.
    expect(() => checkCaseParties([{ workerId: W1, name: '张秀' }], undefined, REGISTERED)).toThrow('CLAIMANT_NOT_THAT_WORKER');
  });

  it('EMPLOYER_NOT_FOUND: a respondent naming an employer nobody registered; none named is fine', () => {
    spec.given([]).when(open({ respondent: { name: '某公司', employerId: '0b6c1f3e-0000-4000-8000-000000000000' } })).thenThrows('EMPLOYER_NOT_FOUND');
    expect(details(() => checkCaseParties([], { employerId: 'x' }, REGISTERED))).toMatchObject({ fields: ['respondent.employerId'] });
    expect(() => checkCaseParties([], { employerId: null }, undefined)).not.toThrow();
  });

  it('refuses every named worker and employer when the command path read nothing (a CLI or job cannot skip the check)', () => {
    spec.given([]).when(open({ registered: undefined, respondent: { name: '宏达建材' } })).thenThrows('WORKER_NOT_FOUND');
    spec.given([]).when(open({ registered: undefined, claimants: [{ claimantId: 'c-1', name: '王淑芬' }] })).thenThrows('EMPLOYER_NOT_FOUND');
    // Nothing named, nothing to read.
    const unnamed = [{ claimantId: 'c-1', workerId: null, name: '王淑芬' }];
    spec.given([]).when(open({ registered: undefined, respondent: { name: '宏达建材' }, claimants: unnamed })).then([opened(null, unnamed)]);
  });

  it('AddClaimants: the same rules for newcomers', () => {
    spec.given([openedLongAgo]).when(add([{ claimantId: 'c-2', workerId: W2, name: '李建国' }])).then([
      { type: 'ClaimantsAdded', data: { caseId: 'case-1', claimants: [{ claimantId: 'c-2', workerId: W2, name: '李建国' }] } },
    ]);
    spec.given([openedLongAgo]).when(add([{ claimantId: 'c-2', workerId: W2, name: '张秀英' }])).thenThrows('CLAIMANT_NOT_THAT_WORKER');
    spec.given([openedLongAgo]).when(add([{ claimantId: 'c-2', workerId: W2, name: '李建国' }], null)).thenThrows('WORKER_NOT_FOUND');
  });

  it('history stays as recorded: a case whose claimant names a worker id that leads nowhere still folds, and its other commands go on', () => {
    spec
      .given([openedLongAgo])
      .when({ type: 'RecordClaim', ctx, data: { caseId: 'case-1', claimantId: 'c-1', kind: 'unpaid_wages', amountFen: 100_00 } })
      .then([{ type: 'ClaimRecorded', data: { caseId: 'case-1', claimantId: 'c-1', kind: 'unpaid_wages', amountFen: 100_00 } }]);
  });

  describe('proof of knowledge: a verified link (idVerified) only when the namer shows they know the worker', () => {
    const withCheck = (first17: string): string => `${first17}${residentIdCheckChar(first17)}`;
    const ZHANG_ID = '11010519491231002X';
    const LI_ID = withCheck('32010219800101123');
    /** A valid number, but someone else's (Zhang's with another birth date). */
    const OTHER_ID = withCheck('11010519500101002');
    const KNOWN: RegisteredParties = {
      workers: { [W1]: { name: '张秀英', idNumber: ZHANG_ID, registeredBy: 'staff-zhou' }, [W2]: { name: '李 四', idNumber: LI_ID, registeredBy: 'staff-wang' } },
      employers: [E1],
    };
    const zhang = { claimantId: 'c-1', workerId: W1, name: '张秀英' };

    it('given a registered worker, when the case names them without the ID number, then the case opens and the link is not verified', () => {
      spec.given([]).when(open({ registered: KNOWN, claimants: [zhang] })).then([opened(E1, [zhang])]);
    });

    it('given a registered worker, when the case names them with their ID number (any case of x, spaces around), then the link is verified', () => {
      spec.given([]).when(open({ registered: KNOWN, claimants: [{ ...zhang, idNumber: ' 11010519491231002x ' }] })).then([opened(E1, [{ ...zhang, idVerified: true }])]);
    });

    it('given a worker the namer registered themselves, when the case names them without the number, then the link is verified', () => {
      const li = { claimantId: 'c-2', workerId: W2, name: '李 四' };
      spec.given([]).when(open({ registered: KNOWN, claimants: [zhang, li] })).then([opened(E1, [zhang, { ...li, idVerified: true }])]);
    });

    it('given a wrong or malformed number, then CLAIMANT_ID_NUMBER_MISMATCH names claimants[i].idNumber in zh and en, and nothing is recorded', () => {
      for (const idNumber of [OTHER_ID, LI_ID, '123', '11010519491231002Y']) {
        spec.given([]).when(open({ registered: KNOWN, claimants: [{ ...zhang, idNumber }] })).thenThrows('CLAIMANT_ID_NUMBER_MISMATCH');
      }
      const problem = details(() => checkCaseParties([{ name: '王淑芬' }, { ...zhang, idNumber: OTHER_ID }], undefined, KNOWN));
      expect(problem).toMatchObject({
        code: 'CLAIMANT_ID_NUMBER_MISMATCH',
        field: 'claimants[1].idNumber',
        fields: ['claimants[1].idNumber'],
        messages: { zh: expect.stringContaining('第2位申请人'), en: expect.stringContaining('claimant 2') },
      });
      // The number is neither the worker's nor the one given in the answer.
      expect(JSON.stringify(problem)).not.toContain(OTHER_ID);
      expect(JSON.stringify(problem)).not.toContain(ZHANG_ID);
    });

    it('given a worker whose stream gave no number to compare, then no number matches', () => {
      const bare: RegisteredParties = { workers: { [W1]: { name: '张秀英' } }, employers: [E1] };
      spec.given([]).when(open({ registered: bare, claimants: [{ ...zhang, idNumber: ZHANG_ID }] })).thenThrows('CLAIMANT_ID_NUMBER_MISMATCH');
    });

    it('AddClaimants: the same proof, the number never recorded', () => {
      const li = { claimantId: 'c-2', workerId: W2, name: '李 四' };
      const added: ClaimantsAdded = { type: 'ClaimantsAdded', data: { caseId: 'case-1', claimants: [{ ...li, idVerified: true }] } };
      const other = { type: 'AddClaimants' as const, ctx: { ...ctx, actor: { staffId: 'staff-sup', role: 'supervisor' as const } }, data: { caseId: 'case-1', claimants: [{ ...li, idNumber: LI_ID }], registered: KNOWN } };
      spec.given([openedLongAgo]).when({ ...other, data: { ...other.data, claimants: [li] } }).then([{ type: 'ClaimantsAdded', data: { caseId: 'case-1', claimants: [li] } }]);
      spec.given([openedLongAgo]).when(other).then([added]);
      spec.given([openedLongAgo]).when({ ...other, data: { ...other.data, claimants: [{ ...li, idNumber: ZHANG_ID }] } }).thenThrows('CLAIMANT_ID_NUMBER_MISMATCH');
    });

    it('an ID number beside no worker id proves nothing and is not kept', () => {
      const unnamed = { claimantId: 'c-2', workerId: null, name: '王淑芬' };
      spec.given([]).when(open({ registered: KNOWN, claimants: [{ ...unnamed, idNumber: ZHANG_ID }] })).then([opened(E1, [unnamed])]);
    });

    it('given an event from before the rule (no idVerified), then the claimant folds as not verified', () => {
      const folded = [openedLongAgo].reduce(disputeCaseDecider.evolve, disputeCaseDecider.initialState());
      expect(folded?.claimants[0]?.idVerified).toBeUndefined();
    });
  });

  it('compares a claimant\'s name with the registered one normalised: whitespace runs (U+3000 too) are one space', () => {
    const spaced: RegisteredParties = { workers: { [W1]: { name: '李 四' }, [W2]: { name: '孙  七' } }, employers: [] };
    expect(() => checkCaseParties([{ workerId: W1, name: '李\u3000四' }, { workerId: W2, name: '孙 七' }], undefined, spaced)).not.toThrow();
    expect(() => checkCaseParties([{ workerId: W1, name: '李  四 ' }, { workerId: W2, name: ' 孙\u3000\u3000七' }], undefined, spaced)).not.toThrow();
    expect(() => checkCaseParties([{ workerId: W1, name: '李四' }], undefined, spaced)).toThrow('CLAIMANT_NOT_THAT_WORKER');
  });
});
