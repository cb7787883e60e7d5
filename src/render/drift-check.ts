import { Construct } from 'constructs';
import { AzapiResource } from '../azapi/resource';
import { AzapiResourceAction } from '../azapi/resource-action';
import { ComputeInstanceSpec } from '../model/compute-arm';
import { addressOf, CheckAssertion, TerraformCheck } from '../terraform-check';
import { escapeTerraformTemplates, hclQuoted } from '../terraform-template';
import { isToken } from '../validation/tokens';
import { containsToken } from '../schedule/schedule-set-rules';
import { AZAPI_COMPUTE_TYPE } from './azapi-compute-type';
import { schedulesProjection } from './schedules-projection';

/** What the drift check of one instance compares beyond schedules and idle shutdown. */
export interface DriftCheckOptions {
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
export const DRIFT_MESSAGE_PREFIX = 'aml-compute drift';

/** A projection as the message shows it: its entries separated by `; `, or `none`. */
const shown = (projection: string) => `coalesce(join("; ", ${projection}), "none")`;

/**
 * A `check` whose data source reads the live instance (a GET with the library's stable api-version) and
 * whose assertions compare it with the code, for what Terraform never changes in place: the schedules and
 * the idle shutdown time (and, when asked, whether the OS image is the latest). A mismatch is a warning of
 * `terraform plan`. Nothing is added to the compute resource: a changed `azapi_resource` argument makes
 * azapi PUT the instance (Azure/terraform-provider-azapi internal/skip/skip.go).
 *
 * The read depends on the compute and the idle shutdown action, so while either has changes planned (a new
 * instance, a replacement, a new idle time) Terraform defers it to apply, after them, and the plan says
 * nothing for it. Values that are Terraform references are not compared: the comparison is built from
 * literals.
 */
export function renderDriftCheck(
  scope: Construct,
  spec: ComputeInstanceSpec,
  compute: AzapiResource,
  idleAction: AzapiResourceAction | undefined,
  options: DriftCheckOptions,
): TerraformCheck | undefined {
  const ci = spec.properties.properties;
  const schedules = ci.schedules?.computeStartStop ?? [];
  const compareSchedules = !containsToken(schedules);
  const idle = ci.idleTimeBeforeShutdown;
  const compareIdle = idleAction !== undefined && idle !== undefined && !isToken(idle);
  if (!compareSchedules && !compareIdle && !options.latestOsImage) return undefined;

  const who = escapeTerraformTemplates(`compute instance ${spec.name} (${options.path})`);
  const assertions = (data: string): CheckAssertion[] => {
    const live = (path: string) => `${data}.output.${path}`;
    const azure = schedulesProjection(`${live(SCHEDULES)}.computeStartStop`);
    const code = schedulesProjection(`jsondecode(${hclQuoted(JSON.stringify(schedules))})`);
    // The code's side as written (the comparison normalises both sides in Terraform, see schedulesProjection).
    const codeShown = schedules.map((e) => JSON.stringify(e)).join('; ') || 'none';
    const replaceCompute = `set deletionProtection: false, then terraform apply -replace=${addressOf(compute)}`;
    return [
      ...(compareSchedules
        ? [
            {
              condition: `\${jsonencode(${azure}) == jsonencode(${code})}`,
              errorMessage:
                `${DRIFT_MESSAGE_PREFIX} (schedules): ${who}: Azure has \${${shown(azure)}}, ` +
                `the code says ${escapeTerraformTemplates(codeShown)}. ` +
                'Terraform cannot change the schedules of an existing instance: edit them in the studio to match ' +
                `the code, or replace the instance (${replaceCompute}).`,
            },
          ]
        : []),
      ...(compareIdle
        ? [
            {
              condition: `\${upper(try(${live(IDLE)}, "")) == ${hclQuoted(idle.toUpperCase())}}`,
              errorMessage:
                `${DRIFT_MESSAGE_PREFIX} (idle shutdown): ${who}: Azure has \${try(${live(IDLE)}, "none")}, ` +
                `the code says ${escapeTerraformTemplates(idle)}. Re-send the code's value with terraform apply ` +
                `-replace=${addressOf(idleAction)}, or edit it in the studio to match.`,
            },
          ]
        : []),
      ...(options.latestOsImage
        ? [
            {
              condition: `\${try(${live(OS_IMAGE)}.isLatestOsImageVersion, true) != false}`,
              errorMessage:
                `${DRIFT_MESSAGE_PREFIX} (OS image): ${who}: Azure reports an OS image that is not the latest ` +
                `(\${try(${live(OS_IMAGE)}.currentImageVersion, "unknown")}, latest ` +
                `\${try(${live(OS_IMAGE)}.latestImageVersion, "unknown")}). Only a new instance gets the latest ` +
                `image: ${replaceCompute}.`,
            },
          ]
        : []),
    ];
  };
  return new TerraformCheck(
    scope,
    'DriftCheck',
    {
      type: 'azapi_resource',
      arguments: {
        type: AZAPI_COMPUTE_TYPE,
        resource_id: compute.id,
        response_export_values: [
          ...(compareSchedules ? [SCHEDULES] : []),
          ...(compareIdle ? [IDLE] : []),
          ...(options.latestOsImage ? [OS_IMAGE] : []),
        ],
      },
      dependsOn: idleAction ? [compute, idleAction] : [compute],
    },
    assertions,
  );
}
