import "./audit-entry.type.js";
import "./audit-log.query.js";
