import { AuditAnchors1764000001300 } from './1764000001300-audit-anchors.js';
import { AuditSnapshots1764000001600 } from './1764000001600-audit-snapshots.js';

/** The audit's tables: its share of the one migration history (assembled in libs/platform). */
export const AUDIT_MIGRATIONS = [AuditAnchors1764000001300, AuditSnapshots1764000001600];
