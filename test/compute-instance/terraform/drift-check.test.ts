import { Testing, TerraformStack, TerraformVariable } from 'cdktf';
import {
  ArmTemplate,
  ComputeInstance,
  ComputeInstanceProps,
  DRIFT_CHECK_CONTEXT,
  Duration,
  StartStopSchedule,
} from '../../../src';
import { projectedSchedules, schedulesProjection } from '../../../src/compute-instance/terraform/schedules-projection';
import { hclQuoted } from '../../../src/core/terraform-template';
import { newStack, REQUIRED, resources, synthJson, thrown, WORKSPACE_ID } from '../../support/stack';
import { AZAPI_COMPUTE_ATTRIBUTES } from '../../support/azapi-compute';

const STOP = StartStopSchedule.cron({
  action: 'Stop',
  expression: '0 19 * * 1-5',
  timeZone: 'W. Europe Standard Time',
});
const WITH_BOTH: ComputeInstanceProps = { ...REQUIRED, schedules: [STOP], idleShutdown: Duration.minutes(30) };

/** The one element of `json[block][type]` (or `json[block]`) whose key starts with `prefix_`. */
function only(byName: any, prefix: string): [string, any] {
  const hits = Object.entries<any>(byName ?? {}).filter(([k]) => k.startsWith(`${prefix}_`));
  if (hits.length !== 1) throw new Error(`expected one ${prefix}_*, found ${hits.length}`);
  return hits[0];
}

function synthOne(props: ComputeInstanceProps, setUp: (stack: TerraformStack) => void = () => undefined): any {
  const { stack } = newStack();
  setUp(stack);
  new ComputeInstance(stack, 'ci', props);
  return synthJson(stack);
}

/** STOP as the projection writes it: enums and time zone lower-cased, no recurrence fields. */
const STOP_PROJECTED = 'stop|cron|enabled|0 19 * * 1-5|w. europe standard time||||||';
const STOP_CODE =
  '[{"action":"Stop","triggerType":"Cron","status":"Enabled","cron":{"expression":"0 19 * * 1-5","timeZone":"W. Europe Standard Time"}}]';

describe('the drift check of an instance with schedules and idle shutdown', () => {
  const json = synthOne(WITH_BOTH);
  const [dataName, data] = only(json.data.azapi_resource, 'ci_DriftCheck');
  const [checkName, check] = only(json.check, 'ci_DriftCheck');
  const [computeName] = only(json.resource.azapi_resource, 'ci');
  const [actionName] = only(json.resource.azapi_resource_action, 'ci_IdleShutdownSetting');
  const D = `data.azapi_resource.${dataName}`;

  test('a top-level data source, named as the check, GETs the instance by literal parent, name and stable api-version; a 404 is no error', () => {
    expect(data).toEqual({
      provider: 'azapi',
      type: 'Microsoft.MachineLearningServices/workspaces/computes@2025-12-01',
      parent_id: WORKSPACE_ID,
      name: 'ci-alice',
      response_export_values: ['properties.properties.schedules', 'properties.properties.idleTimeBeforeShutdown'],
      ignore_not_found: true,
    });
  });

  test('the check block has the schedules and idle shutdown assertions, each true while the instance does not exist', () => {
    expect(checkName).toMatch(/^ci_DriftCheck_[0-9A-F]{8}$/);
    expect(dataName).toBe(checkName);
    expect(Object.keys(check)).toEqual(['assert']);
    expect(check.assert).toHaveLength(2);
    const azure = schedulesProjection(`${D}.output.properties.properties.schedules.computeStartStop`);
    expect(check.assert[0].condition).toBe(`\${${D}.exists ? ${azure}==${hclQuoted(STOP_PROJECTED)} : true}`);
    expect(check.assert[1].condition).toBe(
      `\${${D}.exists ? upper(try(${D}.output.properties.properties.idleTimeBeforeShutdown, "")) == "PT30M" : true}`,
    );
  });

  test('the messages name the instance, what Azure has, what the code says and the ways out', () => {
    expect(check.assert[0].error_message).toBe(
      `aml-compute drift (schedules): compute instance ci-alice (test/ci): Azure has \${try(jsonencode(${D}.output.properties.properties.schedules.computeStartStop), "none")}, ` +
        `the code says ${STOP_CODE}. Terraform cannot change the schedules of an existing instance: ` +
        'edit them in the studio to match the code, or replace the instance (set deletionProtection: false, then ' +
        `terraform apply -replace=azapi_resource.${computeName}).`,
    );
    expect(check.assert[1].error_message).toBe(
      `aml-compute drift (idle shutdown): compute instance ci-alice (test/ci): Azure has \${try(${D}.output.properties.properties.idleTimeBeforeShutdown, "none")}, ` +
        `the code says PT30M. If this plan creates or updates azapi_resource_action.${actionName}, applying it sends ` +
        `the code's value; otherwise re-send it with terraform apply -replace=azapi_resource_action.${actionName}, ` +
        'or edit it in the studio to match.',
    );
  });

  test('the projection keeps only the fields the library writes, lower-cased and sorted, with Azure defaults', () => {
    expect(schedulesProjection('L')).toBe(
      'try(join(";",sort([for s in L:join("|",[lower(try(s.action,"")),lower(try(s.triggerType,"")),' +
        'lower(coalesce(try(s.status,null),"Enabled")),try(join(" ",compact(split(" ",s.cron.expression))),""),' +
        'lower(coalesce(try(s.cron.timeZone,null),try(s.recurrence.timeZone,null),"UTC")),' +
        'lower(try(s.recurrence.frequency,"")),try(tostring(s.recurrence.interval),""),' +
        'try(join(",",sort([for v in s.recurrence.schedule.hours:tostring(v)])),""),' +
        'try(join(",",sort([for v in s.recurrence.schedule.minutes:tostring(v)])),""),' +
        'try(join(",",sort([for v in s.recurrence.schedule.weekDays:lower(v)])),""),' +
        'try(join(",",sort([for v in s.recurrence.schedule.monthDays:tostring(v)])),"")])])),"")',
    );
  });

  test("the code's side is computed as Terraform's jsonencode writes the projection", () => {
    const weekly = StartStopSchedule.recurrence({
      action: 'Start',
      frequency: 'Week',
      interval: 1,
      hours: [18, 8],
      minutes: [0],
      weekDays: ['Monday', 'Friday'],
    });
    const entries = [STOP, weekly].map((s) => s.toArm());
    expect(projectedSchedules(entries)).toBe(
      `start|recurrence|enabled||utc|week|1|18,8|0|friday,monday|;${STOP_PROJECTED}`,
    );
    expect(projectedSchedules([])).toBe('');
  });

  test('the compute resource is unchanged by the check: no new argument, schedules not among its triggers', () => {
    const [compute] = resources(json, 'azapi_resource');
    expect(Object.keys(compute).sort()).toEqual(AZAPI_COMPUTE_ATTRIBUTES);
    expect(compute.replace_triggers_external_values).not.toHaveProperty('schedules');
  });
});

describe('what is compared', () => {
  test("instances with the same schedules share the code's texts, and each check still names its own instance", () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'a', { ...WITH_BOTH, name: 'ci-a' });
    new ComputeInstance(stack, 'b', { ...WITH_BOTH, name: 'ci-b' });
    const json = synthJson(stack);
    for (const id of ['a', 'b']) {
      const [name, check] = only(json.check, `${id}_DriftCheck`);
      const [computeName] = only(json.resource.azapi_resource, id);
      const D = `data.azapi_resource.${name}`;
      const azure = schedulesProjection(`${D}.output.properties.properties.schedules.computeStartStop`);
      expect(check.assert[0].condition).toBe(`\${${D}.exists ? ${azure}==${hclQuoted(STOP_PROJECTED)} : true}`);
      expect(check.assert[0].error_message).toBe(
        `aml-compute drift (schedules): compute instance ci-${id} (test/${id}): Azure has \${try(jsonencode(${D}.output.properties.properties.schedules.computeStartStop), "none")}, ` +
          `the code says ${STOP_CODE}. Terraform cannot change the schedules of an existing instance: ` +
          'edit them in the studio to match the code, or replace the instance (set deletionProtection: false, then ' +
          `terraform apply -replace=azapi_resource.${computeName}).`,
      );
    }
  });

  test('without schedules, an empty list is compared (Azure keeping schedules the code removed is drift)', () => {
    const json = synthOne(REQUIRED);
    const [, check] = only(json.check, 'ci_DriftCheck');
    expect(check.assert).toHaveLength(1);
    expect(check.assert[0].condition).toMatch(/\)=="" : true\}$/);
    expect(check.assert[0].error_message).toContain('the code says []. ');
    const [, data] = only(json.data.azapi_resource, 'ci_DriftCheck');
    expect(data.response_export_values).toEqual(['properties.properties.schedules']);
  });

  test('schedules holding a Terraform reference are not compared (the comparison is built from literals)', () => {
    const { stack } = newStack();
    const zone = new TerraformVariable(stack, 'zone', { type: 'string' });
    const byRef = StartStopSchedule.cron({ action: 'Stop', expression: '0 19 * * 1-5', timeZone: zone.stringValue });
    new ComputeInstance(stack, 'ci', { ...REQUIRED, schedules: [byRef], idleShutdown: Duration.minutes(30) });
    const json = synthJson(stack);
    const [, check] = only(json.check, 'ci_DriftCheck');
    expect(check.assert).toHaveLength(1);
    expect(check.assert[0].error_message).toMatch(/^aml-compute drift \(idle shutdown\)/);
    const [, data] = only(json.data.azapi_resource, 'ci_DriftCheck');
    expect(data.response_export_values).toEqual(['properties.properties.idleTimeBeforeShutdown']);
  });

  test('latestOsImage adds the OS image assertion and its export', () => {
    const json = synthOne({ ...REQUIRED, driftCheck: { latestOsImage: true } });
    const [dataName, data] = only(json.data.azapi_resource, 'ci_DriftCheck');
    const [computeName] = only(json.resource.azapi_resource, 'ci');
    const D = `data.azapi_resource.${dataName}`;
    expect(data.response_export_values).toEqual([
      'properties.properties.schedules',
      'properties.properties.osImageMetadata',
    ]);
    const [, check] = only(json.check, 'ci_DriftCheck');
    expect(check.assert[1]).toEqual({
      condition: `\${${D}.exists ? try(${D}.output.properties.properties.osImageMetadata.isLatestOsImageVersion, true) != false : true}`,
      error_message:
        `aml-compute drift (OS image): compute instance ci-alice (test/ci): Azure reports an OS image that is not the latest ` +
        `(\${try(${D}.output.properties.properties.osImageMetadata.currentImageVersion, "unknown")}, latest ` +
        `\${try(${D}.output.properties.properties.osImageMetadata.latestImageVersion, "unknown")}). Only a new instance gets the latest image: ` +
        `set deletionProtection: false, then terraform apply -replace=azapi_resource.${computeName}.`,
    });
  });

  test('a construct id holding a template sequence stays text in the messages', () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'x${file("--etc--passwd")}%{if 1}', WITH_BOTH);
    const json = synthJson(stack);
    const [, check] = Object.entries<any>(json.check)[0];
    for (const a of check.assert) {
      expect(a.error_message).toContain('(test/x$${file("--etc--passwd")}%%{if 1})');
      expect(a.error_message).not.toContain('x${file');
    }
  });

  test('hclQuoted writes an HCL string literal that stays text', () => {
    expect(hclQuoted('a"b\\c${d}%{e}\n\b\f\\b')).toBe('"a\\"b\\\\c$${d}%%{e}\\n\\u0008\\u000c\\\\b"');
  });
});

describe('opting out', () => {
  const hasCheck = (json: any) => json.check !== undefined || json.data !== undefined;

  test('driftCheck: false leaves out the check and its data source', () => {
    expect(hasCheck(synthOne({ ...WITH_BOTH, driftCheck: false }))).toBe(false);
  });

  test('the context key false on the stack leaves them out; an instance driftCheck true wins', () => {
    const off = (stack: TerraformStack) => stack.node.setContext(DRIFT_CHECK_CONTEXT, false);
    expect(DRIFT_CHECK_CONTEXT).toBe('cdktf-azureml-compute:driftCheck');
    expect(hasCheck(synthOne(WITH_BOTH, off))).toBe(false);
    expect(hasCheck(synthOne({ ...WITH_BOTH, driftCheck: true }, off))).toBe(true);
  });

  test('azurerm instances have none (every argument of that resource replaces it)', () => {
    expect(hasCheck(synthOne({ ...REQUIRED, terraformResource: 'azurerm' }))).toBe(false);
  });

  test('the ARM template has no check and no data source', () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'ci', WITH_BOTH);
    const text = JSON.stringify(ArmTemplate.synth(stack));
    expect(text).not.toContain('DriftCheck');
    expect(text).not.toContain('aml-compute drift');
  });
});

describe("onScheduleChange: 'replace'", () => {
  test('puts the schedules, as written, among the replacement triggers', () => {
    const json = synthOne({ ...WITH_BOTH, onScheduleChange: 'replace' });
    const [compute] = resources(json, 'azapi_resource');
    expect(compute.replace_triggers_external_values.schedules).toEqual(JSON.parse(STOP_CODE));
  });

  test('without schedules, an empty list (adding schedules later replaces)', () => {
    const [compute] = resources(synthOne({ ...REQUIRED, onScheduleChange: 'replace' }), 'azapi_resource');
    expect(compute.replace_triggers_external_values.schedules).toEqual([]);
  });
});

describe('invalid drift props', () => {
  const app = () => Testing.app();
  const make = (props: any, setUp: (s: TerraformStack) => void = () => undefined) =>
    thrown(() => {
      const stack = new TerraformStack(app(), 'test');
      setUp(stack);
      new ComputeInstance(stack, 'ci', { ...REQUIRED, ...props });
    }).message;

  test('onScheduleChange other than warn or replace', () => {
    const m = make({ onScheduleChange: 'sometimes' });
    expect(m).toContain('test/ci');
    expect(m).toContain('onScheduleChange');
    expect(m).toContain('"sometimes"');
    expect(m).toContain('"warn" or "replace"');
  });

  test("'replace' on an adopted instance", () => {
    const m = make({ onScheduleChange: 'replace', existing: true });
    expect(m).toContain('onScheduleChange');
    expect(m).toContain(
      '"warn" for an adopted instance (existing: true): Terraform ignores its replacement triggers, so a schedule change could not replace it',
    );
  });

  test('driftCheck of the wrong shape', () => {
    expect(make({ driftCheck: 'yes' })).toContain('true, false or { latestOsImage?: boolean }');
    const m = make({ driftCheck: { latestOSImage: true } });
    expect(m).toContain('driftCheck.latestOSImage');
    expect(m).toContain('no such field: only latestOsImage');
    expect(make({ driftCheck: { latestOsImage: 'on' } })).toContain('driftCheck.latestOsImage');
  });

  test('a context value that is not a boolean', () => {
    const m = make({}, (s) => s.node.setContext(DRIFT_CHECK_CONTEXT, 'off'));
    expect(m).toContain(`driftCheck (context ${DRIFT_CHECK_CONTEXT})`);
    expect(m).toContain('"off"');
    expect(m).toContain('true or false');
  });
});
