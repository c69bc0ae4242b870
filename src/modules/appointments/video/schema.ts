import "./errors.js";
import "./resolvers/appointment-video-room-url.field.js";
import "./resolvers/join-video-visit.mutation.js";
