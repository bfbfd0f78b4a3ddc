import { deciderSpec } from '../shared/decider-spec.js';
import type { CommandContext } from '../shared/messages.js';
import { workerDecider, workerStreamName, type RegisterWorker, type WorkerRegistered } from './worker.js';

const ctx: CommandContext = { actor: { staffId: 'staff-li', role: 'mediator' }, now: '2026-03-01T02:00:00.000Z' };
const spec = deciderSpec(workerDecider);

const registerZhang = (data: Partial<RegisterWorker['data']> = {}): RegisterWorker => ({
  type: 'RegisterWorker',
  ctx,
  data: { workerId: 'w-1', name: '张秀英', idNumber: '11010519491231002x', ...data },
});
const zhangRegistered: WorkerRegistered = {
  type: 'WorkerRegistered',
  data: { workerId: 'w-1', name: '张秀英', idNumber: '11010519491231002X' },
};

describe('worker', () => {
  it('streams per worker', () => {
    expect(workerStreamName('w-1')).toBe('worker-w-1');
  });

  describe('RegisterWorker', () => {
    it('registers a worker with the ID number normalised', () => {
      spec.given([]).when(registerZhang()).then([zhangRegistered]);
    });

    it('EMPLOYER_NOT_FOUND: the employer named must be registered (the command path reads it); none named is fine', () => {
      spec.given([]).when(registerZhang({ employerId: 'e-404' })).thenThrows('EMPLOYER_NOT_FOUND');
      spec.given([]).when(registerZhang({ employerId: 'e-404', employer: null })).thenThrows('EMPLOYER_NOT_FOUND');
      // The fact is for the employer named, not any employer.
      spec.given([]).when(registerZhang({ employerId: 'e-404', employer: { employerId: 'e-1' } })).thenThrows('EMPLOYER_NOT_FOUND');
      spec.given([]).when(registerZhang({ employerId: '  ', employer: null })).then([zhangRegistered]);
    });

    it('keeps phone, employer and notes, Chinese text unchanged', () => {
      spec
        .given([])
        .when(registerZhang({ phone: '13800138000', employerId: 'e-1', notes: '夜班，联系请在下午', employer: { employerId: 'e-1' } }))
        .then([
          {
            type: 'WorkerRegistered',
            data: {
              ...zhangRegistered.data,
              phone: '13800138000',
              employerId: 'e-1',
              notes: '夜班，联系请在下午',
            },
          },
        ]);
    });

    it('refuses to register the same worker twice', () => {
      spec.given([zhangRegistered]).when(registerZhang()).thenThrows('WORKER_ALREADY_REGISTERED');
    });

    it.each([
      ['李 四', '李 四'],
      ['  孙  七 ', '孙 七'],
      ['李\u3000四', '李 四'],
      ['王\t\u00a0五', '王 五'],
    ])('keeps the name normalised: runs of whitespace (U+3000 too) become one space, ends trimmed (%p)', (name, kept) => {
      spec.given([]).when(registerZhang({ name })).then([{ ...zhangRegistered, data: { ...zhangRegistered.data, name: kept } }]);
    });

    it('requires a name', () => {
      spec.given([]).when(registerZhang({ name: '  ' })).thenThrows('NAME_REQUIRED');
    });

    it.each([' \t\r\n', '\u3000', 42 as unknown as string])('NAME_REQUIRED: whitespace only (full-width too) or not text (%p)', (name) => {
      spec.given([]).when(registerZhang({ name })).thenThrows('NAME_REQUIRED');
    });

    it('says which check of the resident ID number failed, in Chinese and English', () => {
      const error = spec.given([]).when(registerZhang({ idNumber: '110105194912310021' })).thenThrows('RESIDENT_ID_INVALID');
      expect(error.details).toEqual({ reason: 'check_digit' });
      expect(error.messages.zh).toContain('校验位');
      expect(error.messages.en).toContain('last character');
      expect(error.message).not.toContain('110105194912310021');
      const future = spec.given([]).when(registerZhang({ idNumber: '110105203001010020' })).thenThrows('RESIDENT_ID_INVALID');
      expect(future.details).toEqual({ reason: 'birth_date' });
    });
  });

  describe('UpdateWorkerContact', () => {
    const update = (phone: string | null) => ({ type: 'UpdateWorkerContact' as const, ctx, data: { workerId: 'w-1', phone } });

    it('records a new phone number, or its erasure', () => {
      spec.given([zhangRegistered]).when(update('13900139000')).then([
        { type: 'WorkerContactUpdated', data: { workerId: 'w-1', phone: '13900139000' } },
      ]);
      spec.given([zhangRegistered, { type: 'WorkerContactUpdated', data: { workerId: 'w-1', phone: '139' } }])
        .when(update(null))
        .then([{ type: 'WorkerContactUpdated', data: { workerId: 'w-1', phone: null } }]);
    });

    it('records nothing when the number is unchanged', () => {
      spec.given([zhangRegistered]).when(update(null)).then([]);
    });

    it('refuses a worker never registered', () => {
      spec.given([]).when(update('13900139000')).thenThrows('WORKER_NOT_FOUND');
    });
  });
});
