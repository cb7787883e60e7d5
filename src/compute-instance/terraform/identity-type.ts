/**
 * azapi and azurerm spell the combined identity type with a space (`SystemAssigned, UserAssigned`) and
 * validate it so; ARM writes `SystemAssigned,UserAssigned`.
 */
export function terraformIdentityType(armType: string): string {
  return armType.replace(',', ', ');
}
