import "./specialist.type.js";
