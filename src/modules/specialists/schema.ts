import "./types/specialist.type.js";
import "./resolvers/specialist.query.js";
import "./resolvers/specialists.query.js";
import "./resolvers/create-specialist.mutation.js";
import "./resolvers/update-specialist.mutation.js";
import "./resolvers/delete-specialist.mutation.js";
import "./resolvers/link-specialist-user.mutation.js";
