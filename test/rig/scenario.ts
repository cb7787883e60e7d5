import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AzureRequest, AzureStore, Resources } from './azure/store';
import { overrideRemoteBackend } from './stack-dir';
import { terraform, TerraformRun } from './terraform';

/**
 * One stack in a scratch directory with its own emulated Azure, for the tests under test/terraform: each
 * method is one real terraform command. `-no-color` everywhere, `-input=false` where terraform reads input.
 */
export class Scenario {
  readonly dir: string;
  readonly azure: AzureStore;
  /** How many terraform commands this scenario ran. */
  runs = 0;

  /**
   * `stackJson`: a cdk.tf.json path, its text or its object. `options.azureFile`: an emulated Azure shared with
   * other scenarios (default: one of its own).
   */
  constructor(
    stackJson: string | object,
    readonly vars: { [name: string]: string } = {},
    options: { azureFile?: string } = {},
  ) {
    const root = join(tmpdir(), 'aml-compute-rig');
    mkdirSync(root, { recursive: true });
    this.dir = mkdtempSync(join(root, 'stack-'));
    this.azure = new AzureStore(options.azureFile ?? join(this.dir, 'azure.json'));
    this.write(stackJson);
  }

  /** Replaces the stack's configuration (the next version of a stack: a day-two change). */
  write(stackJson: string | object): void {
    const file = join(this.dir, 'cdk.tf.json');
    if (typeof stackJson === 'string' && !stackJson.trimStart().startsWith('{')) copyFileSync(stackJson, file);
    else writeFileSync(file, typeof stackJson === 'string' ? stackJson : JSON.stringify(stackJson, null, 2));
    overrideRemoteBackend(this.dir);
  }

  run(...args: string[]): TerraformRun {
    this.runs += 1;
    return terraform(this.dir, args, this.azure.file);
  }

  init(): TerraformRun {
    return this.run('init', '-input=false', '-no-color');
  }

  validate(): TerraformRun {
    return this.run('validate', '-no-color');
  }

  private varArgs(): string[] {
    return Object.entries(this.vars).flatMap(([k, v]) => ['-var', `${k}=${v}`]);
  }

  apply(): TerraformRun {
    return this.run('apply', '-auto-approve', '-input=false', '-no-color', ...this.varArgs());
  }

  /** `plan -detailed-exitcode`: 0 no changes, 2 changes, 1 error; the plan saved for `showPlan`. */
  plan(): TerraformRun {
    return this.run('plan', '-detailed-exitcode', '-input=false', '-no-color', '-out=tfplan', ...this.varArgs());
  }

  /** `terraform show -json tfplan` of the last plan. */
  showPlan(): any {
    const out = this.run('show', '-json', '-no-color', 'tfplan');
    if (out.code !== 0) throw new Error(`terraform show failed: ${out.stderr}`);
    return JSON.parse(out.stdout);
  }

  resources(): Resources {
    return this.azure.read();
  }

  requests(): AzureRequest[] {
    return this.azure.requests();
  }

  /** Requests after this call: a mark for `requestsSince`. */
  mark(): number {
    return this.requests().length;
  }

  requestsSince(mark: number): AzureRequest[] {
    return this.requests().slice(mark);
  }

  /** An out-of-band change: edits the emulated Azure's file directly. */
  editAzure(change: (resources: Resources) => void): void {
    this.azure.transaction(change);
  }

  stateJson(): any {
    return JSON.parse(readFileSync(join(this.dir, 'terraform.tfstate'), 'utf8'));
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The resource changes of a `terraform show -json` plan, by address: the actions list. */
export function actionsOf(plan: any): { [address: string]: string[] } {
  return Object.fromEntries(
    ((plan.resource_changes ?? []) as any[]).map((c) => [c.address, c.change.actions as string[]]),
  );
}
