import { COMPUTE_RESOURCE_TYPE } from '../model/compute-arm';
import { ALIAS } from '../model/policy-aliases';

/** The effects a ShutdownPolicy rule can take, in Azure's spelling for parameter values. */
export type PolicyEffect = 'Append' | 'Audit' | 'Deny' | 'Disabled';

/** One condition or logical operator of a policy rule (Azure's 2020-10-01 policy rule schema). */
export type PolicyCondition = { readonly [key: string]: unknown };

/** The `policyRule` of a definition. */
export interface PolicyRuleJson {
  readonly if: PolicyCondition;
  readonly then: {
    readonly effect: string;
    readonly details?: ReadonlyArray<{ readonly field: string; readonly value: unknown }>;
  };
}

/** A definition or initiative parameter that carries an effect. */
export interface EffectParameter {
  readonly type: 'String';
  readonly metadata: { readonly displayName: string; readonly description: string };
  readonly allowedValues: readonly PolicyEffect[];
  readonly defaultValue: PolicyEffect;
}

/**
 * The effect of every custom rule is its definition's `effect` parameter, so one definition serves Audit
 * and Deny (and Append) and the assignment chooses. The schema takes an expression or a lower-case effect.
 */
export const EFFECT_FROM_PARAMETER = "[parameters('effect')]";

/**
 * The conditions every rule starts with: a compute of type ComputeInstance. The `type` condition is
 * implied by the computeType alias, which only computes have; Azure's built-ins state it anyway.
 */
export function isComputeInstanceConditions(): PolicyCondition[] {
  return [
    { field: 'type', equals: COMPUTE_RESOURCE_TYPE },
    { field: ALIAS.computeType, equals: 'ComputeInstance' },
  ];
}

const EFFECT_MEANING: Record<PolicyEffect, string> = {
  Append: 'Append adds the values to a compute instance created without them',
  Audit: 'Audit reports a non-compliant compute instance',
  Deny: 'Deny refuses to create or update a non-compliant compute instance',
  Disabled: 'Disabled turns the rule off',
};

/** The `effect` parameter of a definition (and, renamed, of the initiative). */
export function effectParameter(
  allowedValues: readonly PolicyEffect[],
  defaultValue: PolicyEffect,
  displayName = 'Effect',
): EffectParameter {
  return {
    type: 'String',
    metadata: { displayName, description: `${allowedValues.map((e) => EFFECT_MEANING[e]).join('; ')}.` },
    allowedValues: [...allowedValues],
    defaultValue,
  };
}
