import "./types/user.type.js";
import "./types/me.type.js";
import "./resolvers/me.query.js";
import "./resolvers/switch-organization.mutation.js";
