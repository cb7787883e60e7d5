/**
 * An HCL expression: the schedule entries of `list` (an expression for a `computeStartStop` list) as a
 * sorted list of one JSON text per entry, holding only the fields the library writes: action, trigger type,
 * status, the cron expression or the recurrence, and the time zone. So the code's entries and Azure's GET
 * answer compare as equal strings although Azure adds fields of its own to each entry (`id`,
 * `provisioningStatus`: the 2025-12-01 `ComputeStartStopSchedule` has them read-only, Azure/azure-rest-api-specs
 * specification/machinelearningservices/resource-manager/Microsoft.MachineLearningServices/stable/2025-12-01/
 * machineLearningServices.json) and may answer enums, time zones and week days in another case or order.
 * A missing status counts as `Enabled` and a missing time zone as `UTC` (the spec's defaults for both);
 * cron fields are compared with their spaces collapsed. `startTime` is left out: nothing says Azure answers
 * it as sent, and it only says from when the schedule applies.
 *
 * Both sides go through this one expression in Terraform (`jsonencode` writes an object's keys sorted), so
 * the comparison never depends on how JavaScript and Terraform each write JSON. An entry that is not an
 * object, or a list that is null, yields an empty list.
 */
export function schedulesProjection(list: string): string {
  const tz = (at: string) => `lower(coalesce(try(${at}.timeZone, null), "UTC"))`;
  const sorted = (at: string, item: string) => `try(sort([for v in ${at} : ${item}]), [])`;
  const r = 's.recurrence';
  const entry = [
    `action = lower(try(s.action, ""))`,
    `triggerType = lower(try(s.triggerType, ""))`,
    `status = lower(coalesce(try(s.status, null), "Enabled"))`,
    `cron = try(s.cron.expression, null) == null ? null : { expression = join(" ", compact(split(" ", s.cron.expression))), timeZone = ${tz('s.cron')} }`,
    `recurrence = try(${r}.frequency, null) == null ? null : { frequency = lower(${r}.frequency), interval = try(tostring(${r}.interval), ""), timeZone = ${tz(r)}, hours = ${sorted(`${r}.schedule.hours`, 'tostring(v)')}, minutes = ${sorted(`${r}.schedule.minutes`, 'tostring(v)')}, weekDays = ${sorted(`${r}.schedule.weekDays`, 'lower(v)')}, monthDays = ${sorted(`${r}.schedule.monthDays`, 'tostring(v)')} }`,
  ].join(', ');
  return `try(sort([for s in ${list} : jsonencode({ ${entry} })]), [])`;
}
