import { memberRoles } from "../../auth/roles.js";
import { builder } from "../../graphql/builder.js";

export const MemberRoleEnum = builder.enumType("MemberRole", { values: memberRoles });
