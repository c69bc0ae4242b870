import "./errors.js";
import "./appointment-video.field.js";
import "./join-video-visit.mutation.js";
