import { COMPUTE_API_VERSION, COMPUTE_RESOURCE_TYPE } from '../../model/compute-arm';

/** The compute resource type as azapi names it: `<type>@<api version>`. */
export const AZAPI_COMPUTE_TYPE = `${COMPUTE_RESOURCE_TYPE}@${COMPUTE_API_VERSION}`;
