import { ALIAS } from '../../model/policy-aliases';
import { EFFECT_FROM_PARAMETER, isComputeInstanceConditions, PolicyEffect } from '../policy-rule';
import { COMPLIANT, ShutdownRule } from '../shutdown-rule';

/** A compute instance needs a creation script (any script: its data must be present). */
export function requireSetupScriptRule(effect: Exclude<PolicyEffect, 'Append'>): ShutdownRule {
  return {
    name: 'RequireSetupScript',
    key: 'require-setup-script',
    displayName: 'Compute instances should have a creation script',
    description: 'An Azure Machine Learning compute instance needs a creation script.',
    effect,
    allowedEffects: ['Audit', 'Deny', 'Disabled'],
    defaultEffect: 'Audit',
    policyRule: {
      if: { allOf: [...isComputeInstanceConditions(), { field: ALIAS.creationScriptData, exists: 'false' }] },
      then: { effect: EFFECT_FROM_PARAMETER },
    },
    nonComplianceMessage: 'Compute instances need a creation script.',
    check: (inner) =>
      inner.setupScripts?.scripts.creationScript?.scriptData === undefined
        ? {
            status: 'non-compliant',
            field: 'setupScripts.scripts.creationScript',
            received: 'no creation script',
            allowed: 'a creation script',
          }
        : COMPLIANT,
  };
}
