import type { Lang } from '../../shared/bilingual.js';
import { formatYuan } from '../../shared/money.js';
import {
  HARDSHIP_CAUSE_LABELS,
  MODEL_WORKER_LEVEL_LABELS,
  WORKERS_HOME_LEVEL_LABELS,
} from './beneficiary-labels.js';
import type { CareVisitEvent } from './care-visit.js';
import type { HouseholdFileEvent } from './household-file.events.js';
import type { ModelWorkerEvent } from './model-worker.js';
import type { OrganisationEvent } from './organisation.js';
import type { StudentEvent } from './student.js';


export type BeneficiaryEvent = HouseholdFileEvent | ModelWorkerEvent | StudentEvent | OrganisationEvent | CareVisitEvent;

/** Lookups the caller has at hand; without them staff are named by their ids. */
export interface BeneficiaryDescribeOptions {
  staffName?: (staffId: string) => string | undefined;
}

/** One sentence a clerk can read, for a file's history and the audit trail. */
export function describeBeneficiaryEvent(event: BeneficiaryEvent, lang: Lang, opts: BeneficiaryDescribeOptions = {}): string {
  const zh = lang === 'zh';
  const staff = (id: string) => opts.staffName?.(id) ?? (zh ? `员工 ${id}` : `staff member ${id}`);
  const money = (fen: number) => formatYuan(fen, lang);
  const because = (reason: string) => (reason ? (zh ? `，理由：${reason}` : `; reason: ${reason}`) : '');

  switch (event.type) {
    case 'HouseholdFileOpened':
    case 'HouseholdFileReopened': {
      const { householdSize, cause, monthlyIncomePerPersonFen, singleMother, openedOn, reason, openedBy } = event.data;
      const who = event.type === 'HouseholdFileOpened' ? event.data.workerName : '';
      const again = event.type === 'HouseholdFileReopened';
      const c = HARDSHIP_CAUSE_LABELS[cause][lang];
      if (zh) {
        return (
          `${staff(openedBy)} ${again ? '重新建立了' : '建立了'}${who ? `${who}的` : ''}困难职工档案（${openedOn}；家庭${householdSize}人；` +
          `${c}；人均月收入${money(monthlyIncomePerPersonFen)}${singleMother ? '；单亲母亲家庭' : ''}）${because(reason)}`
        );
      }
      return (
        `Hardship file ${again ? 'opened again' : 'opened'}${who ? ` for ${who}` : ''} by ${staff(openedBy)} (${openedOn}; ` +
        `household of ${householdSize}; ${c}; monthly income per person ${money(monthlyIncomePerPersonFen)}` +
        `${singleMother ? '; single mother' : ''})${because(reason)}`
      );
    }
    case 'HouseholdFileClosed': {
      const { closedOn, reason, closedBy } = event.data;
      return zh
        ? `${staff(closedBy)} 于${closedOn}销档${because(reason)}`
        : `Hardship file closed on ${closedOn} by ${staff(closedBy)}${because(reason)}`;
    }
    case 'ModelWorkerRegistered': {
      const { workerName, title, level, yearAwarded, registeredBy } = event.data;
      const l = MODEL_WORKER_LEVEL_LABELS[level][lang];
      return zh
        ? `${staff(registeredBy)} 将${workerName}列入劳模名册（${title}，${l}，${yearAwarded}年授予）`
        : `${workerName} put on the model workers’ roll by ${staff(registeredBy)} (${title}, ${l}, awarded ${yearAwarded})`;
    }
    case 'ModelWorkerRemoved': {
      const { removedOn, reason, removedBy } = event.data;
      return zh
        ? `${staff(removedBy)} 于${removedOn}将其移出劳模名册${because(reason)}`
        : `Taken off the model workers’ roll on ${removedOn} by ${staff(removedBy)}${because(reason)}`;
    }
    case 'StudentRegistered': {
      const { name, school, grade, registeredBy } = event.data;
      return zh
        ? `${staff(registeredBy)} 登记了学生${name}（${school}，${grade}）`
        : `Student ${name} registered by ${staff(registeredBy)} (${school}, ${grade})`;
    }
    case 'StudentSchoolingUpdated': {
      const { school, grade, effectiveOn, updatedBy } = event.data;
      return zh
        ? `${staff(updatedBy)} 更新了就读信息：自${effectiveOn}起为${school}，${grade}`
        : `Schooling updated by ${staff(updatedBy)}: ${school}, ${grade} from ${effectiveOn}`;
    }
    case 'OrganisationCreated': {
      const { name, enterprise, foundedOn, createdBy } = event.data;
      return zh
        ? `${staff(createdBy)} 登记了工会组织“${name}”（${enterprise.name}，${foundedOn}成立）`
        : `Union organisation "${name}" recorded by ${staff(createdBy)} (${enterprise.name}, founded ${foundedOn})`;
    }
    case 'MemberCountRecorded': {
      const { countedOn, members, recordedBy } = event.data;
      return zh
        ? `${staff(recordedBy)} 登记了${countedOn}的会员人数：${members}人`
        : `${members} member${members === 1 ? '' : 's'} counted on ${countedOn}, recorded by ${staff(recordedBy)}`;
    }
    case 'WorkersHomeRated': {
      const { year, level, ratedBy } = event.data;
      const l = WORKERS_HOME_LEVEL_LABELS[level][lang];
      return zh ? `${staff(ratedBy)} 登记：${year}年度评为${l}` : `Rated a ${l} for ${year}, recorded by ${staff(ratedBy)}`;
    }
    case 'OrganisationDissolved': {
      const { dissolvedOn, reason, dissolvedBy } = event.data;
      return zh
        ? `${staff(dissolvedBy)} 登记该工会组织于${dissolvedOn}撤销${because(reason)}`
        : `Organisation dissolved on ${dissolvedOn}, recorded by ${staff(dissolvedBy)}${because(reason)}`;
    }
    case 'CareVisitRecorded': {
      const { visitee, visitedOn, visitors, goods, moneyFen, recordedBy } = event.data;
      const whom = visitee.kind === 'model_worker' ? (zh ? `劳模${visitee.name}` : `model worker ${visitee.name}`) : zh ? `困难职工${visitee.name}家` : `the household of ${visitee.name}`;
      const gave = [goods, moneyFen ? money(moneyFen) : ''].filter(Boolean);
      const names = visitors.join(zh ? '、' : ', ');
      if (zh) return `${staff(recordedBy)} 登记：${visitedOn}，${names}走访慰问了${whom}${gave.length ? `，送去${gave.join('和')}` : ''}`;
      return `${names} visited ${whom} on ${visitedOn}${gave.length ? `, giving ${gave.join(' and ')}` : ''} (recorded by ${staff(recordedBy)})`;
    }
    case 'CareVisitWithdrawn': {
      const { reason, withdrawnBy } = event.data;
      return zh ? `${staff(withdrawnBy)} 撤销了这条误录的走访记录${because(reason)}` : `Visit withdrawn as recorded in error by ${staff(withdrawnBy)}${because(reason)}`;
    }
    default:
      void (event satisfies never);
      return '';
  }
}
