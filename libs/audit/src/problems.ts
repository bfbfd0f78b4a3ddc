import type { Bilingual } from '#domain';

export type ProblemKind =
  | 'hash_mismatch'
  | 'chain_broken'
  | 'revision_gap'
  | 'differs_from_anchor'
  | 'anchored_event_missing'
  | 'not_anchored'
  | 'out_of_order'
  | 'root_mismatch'
  | 'head_mismatch'
  | 'signature_invalid'
  | 'malformed_line';

/** Something in the stored history that does not match: which stream, revision and event, and why. */
export interface AuditProblem {
  kind: ProblemKind;
  streamName: string | null;
  revision: string | null;
  eventId: string | null;
  position?: string | null;
  /** The event's place in the log (its Merkle leaf index), where known. */
  leafIndex?: number | null;
  checkpointId?: string | null;
  message: Bilingual;
}

type Where = Pick<AuditProblem, 'streamName' | 'revision' | 'eventId'> & Partial<Pick<AuditProblem, 'position' | 'leafIndex' | 'checkpointId'>>;

const at = (w: Where) => `${w.streamName ?? '?'} #${w.revision ?? '?'} (${w.eventId ?? '?'})`;

export const problem = {
  hashMismatch: (w: Where): AuditProblem => ({
    kind: 'hash_mismatch',
    ...w,
    message: { zh: `事件 ${at(w)} 的内容与其存储的哈希不符：该事件被改动过`, en: `event ${at(w)}: its content does not match its stored hash: the event was altered` },
  }),
  chainBroken: (w: Where): AuditProblem => ({
    kind: 'chain_broken',
    ...w,
    message: { zh: `事件 ${at(w)} 的前序哈希与流中上一事件的哈希不符：链条断裂（插入、删除或改动）`, en: `event ${at(w)}: its previous hash is not the hash of the stream's previous event: the chain is broken (an insert, a deletion or an edit)` },
  }),
  revisionGap: (w: Where, expected: string): AuditProblem => ({
    kind: 'revision_gap',
    ...w,
    message: { zh: `流 ${w.streamName} 缺少版本 ${expected}（在 ${at(w)} 之前）：有事件被删除`, en: `stream ${w.streamName} lacks revision ${expected} (before ${at(w)}): an event was deleted` },
  }),
  differsFromAnchor: (w: Where): AuditProblem => ({
    kind: 'differs_from_anchor',
    ...w,
    message: {
      zh: `事件 ${at(w)} 的哈希与签名检查点锚定时不同：该流自检查点后被改写并重新计算了哈希`,
      en: `event ${at(w)}: its hash differs from the one anchored by a signed checkpoint: the stream was rewritten and re-hashed since`,
    },
  }),
  anchoredEventMissing: (w: Where): AuditProblem => ({
    kind: 'anchored_event_missing',
    ...w,
    message: { zh: `签名检查点锚定的事件 ${at(w)} 已不在日志中：被删除`, en: `event ${at(w)}, anchored by a signed checkpoint, is no longer in the log: it was deleted` },
  }),
  notAnchored: (w: Where): AuditProblem => ({
    kind: 'not_anchored',
    ...w,
    message: { zh: `事件 ${at(w)} 位于已签名的日志范围内，却从未被锚定：被插入`, en: `event ${at(w)} lies inside the signed part of the log but was never anchored: it was inserted` },
  }),
  outOfOrder: (w: Where): AuditProblem => ({
    kind: 'out_of_order',
    ...w,
    message: { zh: `事件 ${at(w)} 不按日志顺序排列`, en: `event ${at(w)} is not in log order` },
  }),
  rootMismatch: (checkpointId: string, size: number): AuditProblem => ({
    kind: 'root_mismatch',
    streamName: null,
    revision: null,
    eventId: null,
    checkpointId,
    message: {
      zh: `按日志前 ${size} 个事件重算的默克尔根与检查点 ${checkpointId} 签名的根不同：历史被改动`,
      en: `the Merkle root recomputed over the log's first ${size} events differs from the root signed in checkpoint ${checkpointId}: the history was altered`,
    },
  }),
  headMismatch: (w: Where, found: string): AuditProblem => ({
    kind: 'head_mismatch',
    ...w,
    message: {
      zh: `检查点签名时流 ${w.streamName} 的末尾是 ${at(w)}，而现在的记录是：${found}`,
      en: `when the checkpoint was signed, stream ${w.streamName} ended with ${at(w)}; the history now has: ${found}`,
    },
  }),
  signatureInvalid: (checkpointId: string, why: string): AuditProblem => ({
    kind: 'signature_invalid',
    streamName: null,
    revision: null,
    eventId: null,
    checkpointId,
    message: { zh: `检查点 ${checkpointId} 的签名无效：${why}`, en: `checkpoint ${checkpointId}: the signature does not verify: ${why}` },
  }),
  malformedLine: (line: number, why: string): AuditProblem => ({
    kind: 'malformed_line',
    streamName: null,
    revision: null,
    eventId: null,
    message: { zh: `导出文件第 ${line} 行无法读取：${why}`, en: `line ${line} of the export cannot be read: ${why}` },
  }),
};
