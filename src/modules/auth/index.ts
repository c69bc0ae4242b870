// The auth module's surface for other modules: the user and `me` types they link to or extend.
export { MeRef } from "./types/me.type.js";
export { UserRef } from "./types/user.type.js";
