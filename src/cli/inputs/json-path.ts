/**
 * JSON paths as messages show them: `parameters.schedules.value.computeStartStop[1].cron.timeZone`. `base` is
 * a path already; each part is one key (quoted when it is not a plain name) or index.
 */
export function joinPath(base: string, ...parts: Array<string | number>): string {
  return parts.reduce<string>((path, part) => {
    if (typeof part === 'number') return `${path}[${part}]`;
    if (part === '') return path;
    const segment = /^[A-Za-z_$][\w$]*$/.test(part) || part.startsWith('[') ? part : `[${JSON.stringify(part)}]`;
    if (segment.startsWith('[')) return `${path}${segment}`;
    return path === '' ? segment : `${path}.${segment}`;
  }, base);
}

/** Joins a path and a field that is already a path (`schedules.computeStartStop[0].action`). */
export function under(path: string, field: string): string {
  if (field === '') return path;
  if (path === '') return field;
  return field.startsWith('[') ? `${path}${field}` : `${path}.${field}`;
}
