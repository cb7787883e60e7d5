/**
 * The emulated providers' executable: `node provider-main.js <azapi|azurerm>`, started by terraform through the
 * mirror's launcher script (./install.ts).
 */
import { serve } from './plugin-server';

const which = process.argv[2];
// Each provider's code is required only in its own process.
const provider =
  which === 'azapi'
    ? (require('./azapi/provider') as typeof import('./azapi/provider')).azapiProvider()
    : which === 'azurerm'
      ? (require('./azurerm/generic') as typeof import('./azurerm/generic')).azurermProvider()
      : undefined;
if (!provider) {
  process.stderr.write(`usage: provider-main <azapi|azurerm>, got ${JSON.stringify(which)}\n`);
  process.exit(2);
}
serve(provider);
