import { ArmScriptReference } from '../../model/compute-arm';
import { ALIAS } from '../../model/policy-aliases';
import { EFFECT_FROM_PARAMETER, isComputeInstanceConditions } from '../policy-rule';
import { COMPLIANT, ShutdownRule } from '../shutdown-rule';

/**
 * Adds a creation script to a compute instance created without one. The rule appends the script's
 * fields one alias each, as the 2021 write-up that reported this working in the studio does; unlike it,
 * the rule leaves an instance that brings its own creation script alone (an append that would replace a
 * value acts as a deny).
 */
export function defaultSetupScriptRule(script: ArmScriptReference): ShutdownRule {
  const details = [
    { field: ALIAS.creationScriptSource, value: script.scriptSource },
    { field: ALIAS.creationScriptData, value: script.scriptData },
    ...(script.scriptArguments !== undefined
      ? [{ field: ALIAS.creationScriptArguments, value: script.scriptArguments }]
      : []),
    ...(script.timeout !== undefined ? [{ field: ALIAS.creationScriptTimeout, value: script.timeout }] : []),
  ];
  return {
    name: 'DefaultSetupScript',
    key: 'default-setup-script',
    displayName: 'Compute instances get a default creation script',
    description: 'Adds a creation script to an Azure Machine Learning compute instance created without one.',
    effect: 'Append',
    allowedEffects: ['Append', 'Disabled'],
    defaultEffect: 'Append',
    policyRule: {
      if: { allOf: [...isComputeInstanceConditions(), { field: ALIAS.creationScript, exists: 'false' }] },
      then: { effect: EFFECT_FROM_PARAMETER, details },
    },
    nonComplianceMessage: 'Compute instances without a creation script get the default one.',
    check: (inner) =>
      inner.setupScripts?.scripts.creationScript === undefined
        ? {
            status: 'non-compliant',
            field: 'setupScripts.scripts.creationScript',
            received: 'no creation script',
            allowed: 'a creation script of its own, or the default one',
          }
        : COMPLIANT,
    append: {
      apply: (inner) =>
        inner.setupScripts?.scripts.creationScript !== undefined
          ? undefined
          : { ...inner, setupScripts: { scripts: { ...inner.setupScripts?.scripts, creationScript: { ...script } } } },
      description: `setupScripts.scripts.creationScript = ${JSON.stringify(script)}`,
    },
  };
}
