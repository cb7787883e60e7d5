import { TerraformResource } from '../core/framework';

/**
 * `resource.getStringAttribute(attribute)`, the token that references the attribute, made without formatting
 * a stack trace. Every cdktf token records where it was created: `Intrinsic`'s constructor calls
 * `captureStackTrace` (hashicorp/terraform-cdk packages/cdktf/lib/tokens/private/intrinsic.ts and
 * stack-trace.ts), which lifts `Error.stackTraceLimit` and reads `.stack`, so V8 formats every frame of the
 * caller's stack. At the depth of a construct inside a user's stack that was the largest cost the library
 * added per compute instance (`npm run bench`). The trace appears only in the
 * message of a token that fails to resolve, and would name the library's frames, not the user's. With
 * `Error.prepareStackTrace` (V8's stack trace API, https://v8.dev/docs/stack-trace-api) answering '' for
 * the duration of the call, the trace is empty (`captureStackTrace` then returns []) and everything else
 * about the token is cdktf's own: the same `Reference`, resolved, cross-stack, the same way.
 */
export function attributeReference(resource: TerraformResource, attribute: string): string {
  const format = Error.prepareStackTrace;
  Error.prepareStackTrace = noTrace;
  try {
    return resource.getStringAttribute(attribute);
  } finally {
    Error.prepareStackTrace = format;
  }
}

const noTrace = () => '';
