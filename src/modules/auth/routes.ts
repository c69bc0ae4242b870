import { errorSelection, type V1Route } from "../../http/v1/route.js";

const me = `kind role impersonating user { id email firstName lastName } activeOrganization { id name slug }
  memberships(first: 100) { edges { node { id role organization { id name slug } } } }`;

export const authRoutes: V1Route[] = [
  { method: "GET", path: "/v1/me", document: `query Me { me { ${me} } }` },
  {
    method: "POST",
    path: "/v1/me/switch-organization",
    document: `mutation SwitchOrganization($organizationId: ID!) {
      switchOrganization(organizationId: $organizationId) { ${errorSelection} ... on MutationSwitchOrganizationSuccess { data { id name slug } } }
    }`,
    variables: ({ body }) => ({ organizationId: body.organizationId }),
  },
];
