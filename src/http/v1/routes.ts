import { systemRoutes } from "../../modules/system/routes.js";
import type { V1Route } from "./route.js";

/** Every `/v1` route; each module contributes its list. */
export const v1Routes: V1Route[] = [...systemRoutes];
