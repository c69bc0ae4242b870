// The services module's surface for other modules: the catalog's types, who manages and reads it,
// and the lookups plans and products share.
export { assertAllExist, assertDistinct, findPatient, findService } from "./domain/catalog-lookups.js";
export { catalogRoles, readerRoles, sessionRoles, visibleToViewer } from "./roles.js";
export { ServiceRef } from "./types/service.type.js";
