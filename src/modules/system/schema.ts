import "./types/server-info.type.js";
import "./types/diagnostic-event.type.js";
import "./types/diagnostic-event-message.type.js";
import "./resolvers/ping.query.js";
import "./resolvers/server-info.query.js";
import "./resolvers/diagnostic-events.query.js";
import "./resolvers/send-diagnostic-event.mutation.js";
import "./resolvers/diagnostic-events.subscription.js";
