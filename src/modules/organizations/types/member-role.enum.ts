import { builder } from "../../../graphql/builder.js";
import { memberRoles } from "../../../identity/roles.js";

export const MemberRoleEnum = builder.enumType("MemberRole", { values: memberRoles });
