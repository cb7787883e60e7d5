import { Problems } from '../core/errors';
import { lengthNote } from '../validation/field-checks';

/**
 * One name for the initiative and its assignment, the start of every definition's name. Azure's
 * tightest limit is a management-group assignment's (24 characters, none of `#<>%&:\?/`); definition
 * names add at most 21 characters (`-require-stop-schedule`) to stay within their 64.
 */
const POLICY_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,23}$/;

export function validatePolicyName(problems: Problems, name: string, fromId: boolean): void {
  if (typeof name === 'string' && POLICY_NAME.test(name)) return;
  problems.add(
    fromId ? 'name (from the construct id)' : 'name',
    name,
    '1 to 24 letters, digits and -, starting with a letter or digit (a management-group assignment name has at most 24 characters)' +
      (typeof name === 'string' ? lengthNote(name, 1, 24) : ''),
  );
}

export function definitionName(policyName: string, ruleKey: string): string {
  return `${policyName}-${ruleKey}`;
}
