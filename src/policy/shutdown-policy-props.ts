import { Duration } from '../core/duration';
import { StartStopSchedule } from '../schedule/start-stop-schedule';
import { SetupScript } from '../setup-script/setup-script';
import { ShutdownPolicyScope } from './policy-scope';

/** The effect of a rule that requires something: report, refuse, or leave it off. */
export type RequirementEffect = 'Audit' | 'Deny' | 'Disabled';

/** A policy rule that compute instances have idle shutdown, and how long it may be. */
export interface IdleShutdownRequirement {
  /**
   * `Audit` or `Deny` a compute instance without idle shutdown (or, with `max`, with a longer one);
   * `Append` adds `default` to an instance created without idle shutdown and refuses one longer than `max`.
   */
  readonly effect: 'Audit' | 'Deny' | 'Append';
  /**
   * The idle time Azure adds to an instance created without one (15 minutes to 3 days). Needed by `Append`;
   * with `Audit` or `Deny` it lets an assignment switch the effect to `Append`.
   * @default - nothing is added, so `Append` is not allowed
   */
  readonly default?: Duration;
  /**
   * The longest idle time allowed (15 minutes to 3 days).
   * @default - any idle time Azure accepts
   */
  readonly max?: Duration;
  /**
   * Assign Azure's built-in definition 679ddf89-ab8f-48a5-9029-e76054077449 ("Azure Machine Learning
   * Compute Instance should have idle shutdown") instead of a custom one: `Audit` or `Deny` only, no
   * `default`, no `max`.
   * @default false - a custom definition
   */
  readonly useBuiltInDefinition?: boolean;
}

/** The settings of a `ShutdownPolicy`: where it is assigned and which rules it holds. */
export interface ShutdownPolicyProps {
  /**
   * Where the initiative is assigned. Its definitions live at the management group, or in the
   * subscription (of the resource group).
   */
  readonly scope: ShutdownPolicyScope;
  /**
   * The name of the initiative and its assignment, and the start of each definition's name: 1 to 24
   * letters, digits and `-`, starting with a letter or digit (Azure allows 24 characters for a
   * management-group assignment).
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Schedules Azure adds to a compute instance created without any: 1 to 4, judged as an instance's own
   * (no Start and Stop in the same minute). With `requireSchedules` "Audit" or "Deny", one must be a Stop
   * with status "Enabled".
   * @default - no default schedules
   */
  readonly defaultSchedules?: StartStopSchedule[];
  /**
   * Audit or deny a compute instance without an enabled Stop schedule.
   * @default - schedules are not required
   */
  readonly requireSchedules?: RequirementEffect;
  /**
   * Require, cap or default idle shutdown.
   * @default - idle shutdown is not governed
   */
  readonly idleShutdown?: IdleShutdownRequirement;
  /**
   * A creation script Azure adds to a compute instance created without one.
   * @default - no default script
   */
  readonly defaultSetupScript?: SetupScript;
  /**
   * Audit or deny a compute instance without a creation script.
   * @default - no script is required
   */
  readonly requireSetupScript?: RequirementEffect;
}
