import "./enums.js";
import "./appointment.type.js";
import "./video/schema.js";
