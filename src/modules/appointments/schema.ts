import "./enums.js";
import "./appointment.type.js";
import "./files/schema.js";
import "./reviews/schema.js";
