import type { Lang } from '../shared/bilingual.js';
import { roleLabel } from './role-labels.js';
import { findStaff, type StaffRoster, type StaffRosterEvent } from './staff-roster.events.js';

/**
 * One sentence per event, for the audit trail and the administrator's staff page. Pass the
 * roster as it stood to name people by their display name rather than their staff id.
 */
export function describeStaffEvent(event: StaffRosterEvent, lang: Lang, roster?: StaffRoster): string {
  const zh = lang === 'zh';
  const who = (staffId: string) => {
    const name = roster && findStaff(roster, staffId)?.displayName;
    return name ? (zh ? `${name}（${staffId}）` : `${name} (${staffId})`) : zh ? `员工 ${staffId} ` : `staff member ${staffId}`;
  };
  switch (event.type) {
    case 'StaffAccountCreated': {
      const { staffId, username, displayName, roles } = event.data;
      const labels = roles.map((r) => roleLabel(r, lang));
      return zh
        ? `创建了员工账号 ${username}：${displayName}（${staffId}），角色：${labels.join('、')}。`
        : `Created staff account ${username} for ${displayName} (${staffId}) with the roles: ${labels.join(', ')}.`;
    }
    case 'RoleGranted':
      return zh
        ? `授予${who(event.data.staffId)}“${roleLabel(event.data.role, 'zh')}”角色。`
        : `Granted the ${roleLabel(event.data.role, 'en')} role to ${who(event.data.staffId)}.`;
    case 'RoleRevoked':
      return zh
        ? `撤销了${who(event.data.staffId)}的“${roleLabel(event.data.role, 'zh')}”角色。`
        : `Revoked the ${roleLabel(event.data.role, 'en')} role from ${who(event.data.staffId)}.`;
    case 'StaffAccountDisabled': {
      const { staffId, reason } = event.data;
      if (zh) return `停用了${who(staffId)}的账号${reason ? `，原因：${reason}` : ''}。`;
      return `Disabled the account of ${who(staffId)}${reason ? `; reason: ${reason}` : ''}.`;
    }
    case 'StaffAccountEnabled':
      return zh ? `重新启用了${who(event.data.staffId)}的账号。` : `Re-enabled the account of ${who(event.data.staffId)}.`;
    case 'PasswordChanged': {
      const { staffId, reset } = event.data;
      if (zh) return reset ? `重置了${who(staffId)}的密码。` : `${who(staffId)}修改了自己的密码。`;
      const sentence = reset ? `Reset the password of ${who(staffId)}.` : `${who(staffId)} changed their own password.`;
      return sentence.charAt(0).toUpperCase() + sentence.slice(1);
    }
    case 'StaffSignedOut': {
      // The session id is left out: it names a login, which tells a reader nothing more.
      if (zh) return `${who(event.data.staffId)}退出了一次登录。`;
      const sentence = `${who(event.data.staffId)} logged out of a session.`;
      return sentence.charAt(0).toUpperCase() + sentence.slice(1);
    }
    default: {
      const unhandled: never = event;
      return String((unhandled as { type: unknown }).type);
    }
  }
}
