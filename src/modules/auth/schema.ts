import "./user.type.js";
import "./me.query.js";
import "./switch-organization.mutation.js";
