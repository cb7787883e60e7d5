import { Construct } from 'constructs';
import { AzapiResource } from '../../bindings/azapi/resource';
import { AzapiResourceAction } from '../../bindings/azapi/resource-action';
import { ComputeInstanceSpec } from '../../model/compute-arm';
import { addressOf, CheckAssertion, TerraformCheck } from '../../bindings/terraform-check';
import { escapeTerraformTemplates, hclQuoted } from '../../core/terraform-template';
import { isToken } from '../../core/tokens';
import { containsToken } from '../../schedule/schedule-set-checks';
import { Memo } from '../../core/memo';
import { AZAPI_COMPUTE_TYPE } from './azapi-compute-type';
import { projectedSchedules, schedulesProjection } from './schedules-projection';

/** What the drift check of one instance compares beyond schedules and idle shutdown. */
interface DriftCheckOptions {
  /** The construct path, for the messages. */
  readonly path: string;
  /** Also warn when Azure reports the instance's OS image is not the latest. */
  readonly latestOsImage: boolean;
}

/** Where the GET answer keeps what the check reads (the REST spec's `ComputeInstanceProperties`). */
const SCHEDULES = 'properties.properties.schedules';
const IDLE = 'properties.properties.idleTimeBeforeShutdown';
const OS_IMAGE = 'properties.properties.osImageMetadata';

/** Every drift message starts with this, for tools that read a plan's checks (`aml-compute review`). */
const DRIFT_MESSAGE_PREFIX = 'aml-compute drift';

/**
 * What the schedules' assertion writes of the code's schedules, by their JSON: a fleet's instances share a
 * few sets of schedules, and projecting and escaping each instance's copy was most of the check's own synth
 * time. Undefined where a schedule holds a Terraform reference (nothing is compared). The JSON tells the sets
 * apart for all the projection reads: a token's JSON is its own text (a string's marker, a number token's
 * double), and validated entries hold nothing JSON leaves out but `undefined`, which the projection reads
 * as absent too.
 */
const schedulesTexts = new Memo<{ readonly projected: string; readonly shown: string } | undefined>(
  "drift check schedule texts by the schedules' JSON",
  1000,
);

/**
 * A `check` whose data source reads the live instance (a GET with the library's stable api-version) and
 * whose assertions compare it with the code, for what Terraform never changes in place: the schedules and
 * the idle shutdown time (and, when asked, whether the OS image is the latest). A mismatch is a warning of
 * `terraform plan`. Nothing is added to the compute resource: a changed `azapi_resource` argument makes
 * azapi PUT the instance (Azure/terraform-provider-azapi internal/skip/skip.go).
 *
 * The data source names the instance by literals and ignores a 404 (`ignore_not_found`), so it is read at
 * plan, also for an instance Terraform has yet to create, which reads as absent and compares nothing: each
 * condition is known at plan (an unknown one is itself a warning, "known after apply"). It is a top-level
 * data source, not one scoped in the check (see TerraformCheck). Values that are Terraform references are
 * not compared: the comparison is built from literals.
 */
export function renderDriftCheck(
  scope: Construct,
  spec: ComputeInstanceSpec,
  compute: AzapiResource,
  idleAction: AzapiResourceAction | undefined,
  options: DriftCheckOptions,
): TerraformCheck | undefined {
  const inner = spec.properties.properties;
  const schedules = inner.schedules?.computeStartStop ?? [];
  // Both sides as they are, Azure's with its own fields: the comparison's projection is long, and writing
  // it a second time into the message was a large part of the checks' synth time.
  const codeShown = JSON.stringify(schedules);
  const schedulesText = schedulesTexts.through(codeShown, () =>
    containsToken(schedules)
      ? undefined
      : { projected: hclQuoted(projectedSchedules(schedules)), shown: escapeTerraformTemplates(codeShown) },
  );
  const compareSchedules = schedulesText !== undefined;
  const idle = inner.idleTimeBeforeShutdown;
  const compareIdle = idleAction !== undefined && idle !== undefined && !isToken(idle);
  if (!compareSchedules && !compareIdle && !options.latestOsImage) return undefined;

  const who = escapeTerraformTemplates(`compute instance ${spec.name} (${options.path})`);
  const assertions = (data: string): CheckAssertion[] => {
    const output = (path: string) => `${data}.output.${path}`;
    // An instance not created yet is read as absent (`ignore_not_found`): nothing to compare, and the
    // condition is known at plan, so Terraform does not warn that it will be known after apply.
    const whenExists = (condition: string) => `\${${data}.exists ? ${condition} : true}`;
    const azure = schedulesProjection(`${output(SCHEDULES)}.computeStartStop`);
    const replaceCompute = `set deletionProtection: false, then terraform apply -replace=${addressOf(compute)}`;
    return [
      ...(schedulesText
        ? [
            {
              condition: whenExists(`${azure}==${schedulesText.projected}`),
              errorMessage:
                `${DRIFT_MESSAGE_PREFIX} (schedules): ${who}: Azure has \${try(jsonencode(${output(SCHEDULES)}.computeStartStop), "none")}, ` +
                `the code says ${schedulesText.shown}. ` +
                'Terraform cannot change the schedules of an existing instance: edit them in the studio to match ' +
                `the code, or replace the instance (${replaceCompute}).`,
            },
          ]
        : []),
      ...(compareIdle
        ? [
            {
              condition: whenExists(`upper(try(${output(IDLE)}, "")) == ${hclQuoted(idle.toUpperCase())}`),
              errorMessage:
                `${DRIFT_MESSAGE_PREFIX} (idle shutdown): ${who}: Azure has \${try(${output(IDLE)}, "none")}, ` +
                `the code says ${escapeTerraformTemplates(idle)}. If this plan creates or updates ${addressOf(idleAction)}, ` +
                "applying it sends the code's value; otherwise re-send it with terraform apply " +
                `-replace=${addressOf(idleAction)}, or edit it in the studio to match.`,
            },
          ]
        : []),
      ...(options.latestOsImage
        ? [
            {
              condition: whenExists(`try(${output(OS_IMAGE)}.isLatestOsImageVersion, true) != false`),
              errorMessage:
                `${DRIFT_MESSAGE_PREFIX} (OS image): ${who}: Azure reports an OS image that is not the latest ` +
                `(\${try(${output(OS_IMAGE)}.currentImageVersion, "unknown")}, latest ` +
                `\${try(${output(OS_IMAGE)}.latestImageVersion, "unknown")}). Only a new instance gets the latest ` +
                `image: ${replaceCompute}.`,
            },
          ]
        : []),
    ];
  };
  const data = {
    type: 'azapi_resource',
    arguments: {
      provider: compute.provider?.fqn,
      type: AZAPI_COMPUTE_TYPE,
      // Literal, so the read happens at plan even for an instance Terraform has yet to create.
      parent_id: spec.workspaceId,
      name: spec.name,
      response_export_values: [
        ...(compareSchedules ? [SCHEDULES] : []),
        ...(compareIdle ? [IDLE] : []),
        ...(options.latestOsImage ? [OS_IMAGE] : []),
      ],
      ignore_not_found: true,
    },
  };
  return new TerraformCheck(scope, 'DriftCheck', data, assertions);
}
