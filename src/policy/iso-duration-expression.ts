/**
 * A policy-language expression for the number of seconds in an ISO 8601 duration held by a field
 * (`PT30M` -> 1800, `P1DT2H` -> 93600, absent -> 0).
 *
 * Azure Policy has no duration function, so the expression reads the number before each designator:
 * the text before `H` split at every other designator letter ends in the hours, and so on. Days come from
 * the date part; `M` counts as minutes (a month is no idle time Azure accepts). Fractions of a second are
 * dropped. Every step is total on the values Azure accepts, since an expression that fails makes Azure
 * refuse the request.
 */
export function isoDurationSecondsExpression(fieldAlias: string): string {
  const text = `toUpper(coalesce(field('${fieldAlias}'), ''))`;
  const numberBefore = (designator: string) =>
    `last(split(first(split(${text}, '${designator}')), createArray('P', 'T', 'D', 'H', 'M')))`;
  const amount = (designator: string, wholePart = false) => {
    const digits = wholePart ? `first(split(${numberBefore(designator)}, '.'))` : numberBefore(designator);
    return `if(contains(${text}, '${designator}'), int(${digits}), 0)`;
  };
  return `[add(add(add(mul(${amount('D')}, 86400), mul(${amount('H')}, 3600)), mul(${amount('M')}, 60)), ${amount('S', true)})]`;
}
