/** One problem of an ARM entry: the field as a path into the entry (`recurrence.schedule.hours[0]`). */
export interface FieldProblem {
  readonly field: string;
  readonly value: unknown;
  readonly allowed: string;
}
