import "./enums.js";
import "./appointment.type.js";
