import { describeAidEvent, domainEventOf, findStaff, type AidFundEvent, type AidProgrammeEvent, type Lang, type StaffRoster } from '#domain';
import type { AidTimelineEntry } from '#read-models';

/** Timeline entries as sentences in the client's language, each naming who did it. */
export function aidTimeline(entries: AidTimelineEntry[], lang: Lang, roster: StaffRoster) {
  return entries.map((e) => ({
    revision: Number(e.revision),
    type: e.type,
    occurredAt: e.occurredAt.toISOString(),
    actor: { staffId: e.actorStaffId, role: e.actorRole },
    description: describeAidEvent(domainEventOf<AidFundEvent | AidProgrammeEvent>(e), lang, {
      actorId: e.actorStaffId,
      staffName: (id) => findStaff(roster, id)?.displayName,
    }),
    disbursementId: e.disbursementId,
    data: e.data,
  }));
}
