import type { ComputeInstanceProps } from './props';
import type { Problems } from '../core/errors';
import { isPlainObject } from '../core/plain-object';
import { INSTANCE_FIELDS } from './fields';

/**
 * Every rule Azure applies to a compute instance's props that can be checked offline: each field's check
 * (`INSTANCE_FIELDS`), in the table's order. Problems are added to `problems`; nothing is thrown here. Returns
 * the props with their schedules, scripts and idle shutdown made by this copy of the library (see
 * `StartStopSchedule.fromAnyCopy`), for use once no problem was found.
 */
export function validateComputeInstanceProps(problems: Problems, props: ComputeInstanceProps): ComputeInstanceProps {
  if (!isPlainObject(props)) {
    problems.add('props', props, 'an object of ComputeInstanceProps: { name, workspaceId, location, vmSize, ... }');
    return props;
  }
  const own: Record<string, unknown> = {};
  for (const f of INSTANCE_FIELDS) {
    const value = f.check(problems, props[f.prop], props);
    if (value !== undefined) own[f.prop] = value;
  }
  return { ...props, ...own };
}
