import "./service.type.js";
