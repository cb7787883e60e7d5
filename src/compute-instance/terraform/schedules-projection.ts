import type { ArmComputeStartStopSchedule } from '../../model/compute-arm';

/**
 * The schedule entries of a `computeStartStop` list reduced to the fields the library writes, as one text:
 * per entry, `action|trigger type|status|cron expression|time zone|frequency|interval|hours|minutes|week
 * days|month days` (lists comma-separated and sorted), entries sorted and joined by `;`. So the code's entries
 * and Azure's GET answer compare equal although Azure adds fields of its own to each entry (`id`,
 * `provisioningStatus`: the 2025-12-01 `ComputeStartStopSchedule` has them read-only, Azure/azure-rest-api-specs
 * specification/machinelearningservices/resource-manager/Microsoft.MachineLearningServices/stable/2025-12-01/
 * machineLearningServices.json) and may answer enums, time zones and week days in another case or order. A
 * missing status counts as `Enabled` and a missing time zone as `UTC` (the spec's defaults for both); cron
 * expressions compare with their spaces collapsed. `startTime` is left out: nothing says Azure answers it as
 * sent, and it only says from when the schedule applies. None of the compared values can hold `|`, `,` or `;`
 * (the library validates cron expressions, Windows time zone ids and the enums).
 *
 * Two forms of one projection: `schedulesProjection`, an HCL expression Terraform evaluates over Azure's
 * answer, and `projectedSchedules`, the same text computed here from the code's entries. Plain text, not
 * JSON, so that the two cannot differ in how each writes JSON, and the literal stays short in `cdk.tf.json`.
 */
export function schedulesProjection(list: string): string {
  return `try(join(";",sort([for s in ${list}:join("|",[${ENTRY_FIELDS}])])),"")`;
}

/** The fields of one entry `s` in the projection, joined once at load: the same text for every instance. */
const ENTRY_FIELDS = (() => {
  const r = 's.recurrence';
  const sortedList = (at: string, item: string) => `try(join(",",sort([for v in ${at}:${item}])),"")`;
  return [
    'lower(try(s.action,""))',
    'lower(try(s.triggerType,""))',
    'lower(coalesce(try(s.status,null),"Enabled"))',
    'try(join(" ",compact(split(" ",s.cron.expression))),"")',
    `lower(coalesce(try(s.cron.timeZone,null),try(${r}.timeZone,null),"UTC"))`,
    `lower(try(${r}.frequency,""))`,
    `try(tostring(${r}.interval),"")`,
    sortedList(`${r}.schedule.hours`, 'tostring(v)'),
    sortedList(`${r}.schedule.minutes`, 'tostring(v)'),
    sortedList(`${r}.schedule.weekDays`, 'lower(v)'),
    sortedList(`${r}.schedule.monthDays`, 'tostring(v)'),
  ].join(',');
})();

/** `schedulesProjection` of the code's entries, computed here. */
export function projectedSchedules(entries: readonly ArmComputeStartStopSchedule[]): string {
  return entries
    .map((s) => {
      const r = s.recurrence;
      return [
        s.action.toLowerCase(),
        s.triggerType.toLowerCase(),
        (s.status ?? 'Enabled').toLowerCase(),
        s.cron ? s.cron.expression.split(' ').filter(Boolean).join(' ') : '',
        (s.cron?.timeZone ?? r?.timeZone ?? 'UTC').toLowerCase(),
        r ? r.frequency.toLowerCase() : '',
        r ? String(r.interval) : '',
        sortedList(r?.schedule.hours.map(String)),
        sortedList(r?.schedule.minutes.map(String)),
        sortedList(r?.schedule.weekDays?.map((d) => d.toLowerCase())),
        sortedList(r?.schedule.monthDays?.map(String)),
      ].join('|');
    })
    .sort(byCodeUnits)
    .join(';');
}

/** Terraform's `sort` orders strings by their bytes; for the ASCII compared here, as code units do. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sortedList = (values: string[] | undefined) => [...(values ?? [])].sort(byCodeUnits).join(',');
