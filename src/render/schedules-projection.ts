import type { ArmComputeStartStopSchedule } from '../model/compute-arm';

/**
 * The schedule entries of a `computeStartStop` list reduced to the fields the library writes: action,
 * trigger type, status, the cron expression or the recurrence, and the time zone. So the code's entries and
 * Azure's GET answer compare equal although Azure adds fields of its own to each entry (`id`,
 * `provisioningStatus`: the 2025-12-01 `ComputeStartStopSchedule` has them read-only, Azure/azure-rest-api-specs
 * specification/machinelearningservices/resource-manager/Microsoft.MachineLearningServices/stable/2025-12-01/
 * machineLearningServices.json) and may answer enums, time zones and week days in another case or order. A
 * missing status counts as `Enabled` and a missing time zone as `UTC` (the spec's defaults for both); cron
 * expressions compare with their spaces collapsed. `startTime` is left out: nothing says Azure answers it as
 * sent, and it only says from when the schedule applies.
 *
 * Two forms of one projection: `schedulesProjection`, an HCL expression Terraform evaluates over Azure's
 * answer, and `projectedSchedules`, the same text computed here from the code's entries, as Terraform's
 * `jsonencode` writes it (an object's keys sorted, hashicorp/go-cty cty/json/marshal.go; strings as Go's
 * encoding/json writes them). The rig (test/terraform/drift.test.ts) holds them equal on Terraform 1.11.
 */
export function schedulesProjection(list: string): string {
  const tz = (at: string) => `lower(coalesce(try(${at}.timeZone,null),"UTC"))`;
  const sorted = (at: string, item: string) => `try(sort([for v in ${at}:${item}]),[])`;
  const r = 's.recurrence';
  const entry = [
    `action=lower(try(s.action,""))`,
    `triggerType=lower(try(s.triggerType,""))`,
    `status=lower(coalesce(try(s.status,null),"Enabled"))`,
    `cron=try(s.cron.expression,null)==null?null:{expression=join(" ",compact(split(" ",s.cron.expression))),timeZone=${tz('s.cron')}}`,
    `recurrence=try(${r}.frequency,null)==null?null:{frequency=lower(${r}.frequency),interval=try(tostring(${r}.interval),""),timeZone=${tz(r)},hours=${sorted(`${r}.schedule.hours`, 'tostring(v)')},minutes=${sorted(`${r}.schedule.minutes`, 'tostring(v)')},weekDays=${sorted(`${r}.schedule.weekDays`, 'lower(v)')},monthDays=${sorted(`${r}.schedule.monthDays`, 'tostring(v)')}}`,
  ].join(',');
  return `try(sort([for s in ${list}:jsonencode({${entry}})]),[])`;
}

/** `schedulesProjection` of the code's entries, computed here: the sorted list of each entry's JSON text. */
export function projectedSchedules(entries: readonly ArmComputeStartStopSchedule[]): string[] {
  return entries
    .map((s) => {
      const cron = s.cron
        ? { expression: s.cron.expression.split(' ').filter(Boolean).join(' '), timeZone: zone(s.cron.timeZone) }
        : null;
      const r = s.recurrence;
      const recurrence = r
        ? {
            frequency: r.frequency.toLowerCase(),
            hours: sortedText(r.schedule.hours.map(String)),
            interval: String(r.interval),
            minutes: sortedText(r.schedule.minutes.map(String)),
            monthDays: sortedText((r.schedule.monthDays ?? []).map(String)),
            timeZone: zone(r.timeZone),
            weekDays: sortedText((r.schedule.weekDays ?? []).map((d) => d.toLowerCase())),
          }
        : null;
      // Keys in sorted order, as cty writes an object.
      return goJson({
        action: s.action.toLowerCase(),
        cron: cron && { expression: cron.expression, timeZone: cron.timeZone },
        recurrence,
        status: (s.status ?? 'Enabled').toLowerCase(),
        triggerType: s.triggerType.toLowerCase(),
      });
    })
    .sort(byCodeUnits);
}

/** The projected list as `jsonencode` writes it. */
export function projectedSchedulesJson(entries: readonly ArmComputeStartStopSchedule[]): string {
  return goJson(projectedSchedules(entries));
}

const zone = (timeZone: string | undefined) => (timeZone ?? 'UTC').toLowerCase();
/** Terraform's `sort` orders strings by their bytes; for the ASCII the library writes, as code units do. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sortedText = (values: string[]) => [...values].sort(byCodeUnits);

/**
 * JSON as Go's encoding/json writes it (which cty's JSON marshalling uses for strings): like JSON.stringify,
 * but `<`, `>`, `&`, U+2028 and U+2029 escaped as `\u00XX`/`\u20XX`.
 */
function goJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
