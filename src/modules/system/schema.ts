import "./resolvers/server-info.query.js";
import "./types/diagnostic-event.type.js";
import "./resolvers/diagnostic-events.query.js";
import "./resolvers/send-diagnostic-event.mutation.js";
import "./resolvers/diagnostic-events.subscription.js";
