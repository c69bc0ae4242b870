import "./types/audit-entry.type.js";
import "./resolvers/audit-log.query.js";
