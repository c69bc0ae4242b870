import "./specialist.type.js";
import "./specialists.query.js";
import "./create-specialist.mutation.js";
import "./update-specialist.mutation.js";
import "./delete-specialist.mutation.js";
import "./link-specialist-user.mutation.js";
