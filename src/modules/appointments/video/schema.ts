import "./types/video-unavailable-reason.enum.js";
import "./errors.js";
import "./types/video-visit-access.type.js";
import "./resolvers/appointment-video-room-url.field.js";
import "./resolvers/join-video-visit.mutation.js";
