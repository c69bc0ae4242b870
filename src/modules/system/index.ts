// The system module's surface for other modules: the server's version (webhook messages carry it).
export { version } from "./domain/version.js";
