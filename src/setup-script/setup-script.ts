import { ArmScriptReference } from '../compute-instance-spec';
import { Duration } from '../duration';

export interface SetupScriptOptions {
  /**
   * Arguments passed to the script.
   * @default - none
   */
  readonly arguments?: string;
  /**
   * How long the script may run before Azure stops it.
   * @default - Azure's 15 minutes
   */
  readonly timeout?: Duration;
}

/**
 * A creation or startup script of a compute instance: one `ScriptReference`.
 */
export class SetupScript {
  /** A script given as text; Azure receives it base64-encoded. */
  static inline(text: string, options: SetupScriptOptions = {}): SetupScript {
    return new SetupScript({
      scriptSource: 'inline',
      scriptData: Buffer.from(text, 'utf8').toString('base64'),
      ...(options.arguments ? { scriptArguments: options.arguments } : {}),
      ...(options.timeout ? { timeout: options.timeout.toGnuTimeout() } : {}),
    });
  }

  protected constructor(private readonly reference: ArmScriptReference) {}

  /** The ARM `ScriptReference`. */
  toArm(): ArmScriptReference {
    return { ...this.reference };
  }
}
