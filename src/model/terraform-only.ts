/**
 * What the Terraform output does for a compute instance beyond the compute resource, and an ARM template of
 * it cannot: data on the instance, which the ARM template names in its metadata.
 */
export type TerraformOnlyPart =
  /** The access grant: the custom role and its assignment to the assigned user (azurerm resources). */
  | { readonly kind: 'accessGrant'; readonly instanceName: string }
  /** The one-time stop after creation (`initialState: 'Stopped'`, an azapi action). */
  | { readonly kind: 'stopAfterCreation'; readonly instanceName: string };
