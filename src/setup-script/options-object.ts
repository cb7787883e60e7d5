import { isPlainObject } from '../core/plain-object';
import { ScriptProblems } from './script-problems';

/**
 * The options argument of a factory or a step. A default parameter (`options = {}`) only replaces
 * undefined, so null, a string or a list would reach the checks and fail there with a TypeError. Anything
 * but undefined or a plain object is recorded as a problem of `options` and read as no options, so that the
 * other arguments are still checked in the same go.
 */
export function optionsOf<T extends object>(problems: ScriptProblems, options: unknown): Partial<T> {
  if (options === undefined) return {};
  if (isPlainObject(options)) return options as Partial<T>;
  problems.add('options', options, 'an object of options, or none');
  return {};
}
