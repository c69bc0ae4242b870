import "./server-info.query.js";
import "./diagnostic-event.type.js";
import "./diagnostic-events.query.js";
import "./send-diagnostic-event.mutation.js";
import "./diagnostic-events.subscription.js";
