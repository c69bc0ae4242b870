// The services module's surface for other modules: the catalog's types, who manages and reads it,
// the lookups plans and products share, and the `/v1` document helpers their routes use (until
// `src/http/v1/` has shared ones).
export { assertAllExist, assertDistinct, findPatient, findService } from "./domain/catalog-lookups.js";
export { catalogRoles, readerRoles, sessionRoles, visibleToViewer } from "./roles.js";
export { filterFrom, mutation } from "./routes.js";
export { ServiceRef } from "./types/service.type.js";
