import {
  booleanParam,
  connectionBody,
  connectionSelection,
  mutationDocument,
  pageVariables,
  type V1Route,
} from "../../http/v1/route.js";

/** A specialist as `/v1` answers it (also in the lists of a specialty). */
export const specialistSelection = "id firstName lastName email timezone bio active createdAt updatedAt";
const specialist = `${specialistSelection} user { id email }`;

const mutation = (signature: string, call: string, payload: string, fields = specialist) =>
  mutationDocument(signature, call, payload, fields);

export const specialistRoutes: V1Route[] = [
  {
    method: "GET",
    path: "/v1/specialists",
    document: `query Specialists($first: Int, $after: String, $filter: SpecialistFilter) {
      specialists(first: $first, after: $after, filter: $filter) { ${connectionSelection(specialist)} }
    }`,
    variables: ({ query }) => ({
      ...pageVariables(query),
      filter: { search: query.get("search") ?? undefined, active: booleanParam(query, "active") },
    }),
    body: connectionBody,
  },
  {
    method: "POST",
    path: "/v1/specialists",
    status: 201,
    document: mutation(
      "CreateSpecialist($input: CreateSpecialistInput!)",
      "createSpecialist(input: $input)",
      "MutationCreateSpecialistSuccess",
    ),
    variables: ({ body }) => ({ input: body }),
  },
  {
    method: "GET",
    path: "/v1/specialists/:id",
    document: `query Specialist($id: ID!) { specialist(id: $id) { ${specialist} } }`,
    variables: ({ params }) => ({ id: params.id }),
  },
  {
    method: "PATCH",
    path: "/v1/specialists/:id",
    document: mutation(
      "UpdateSpecialist($id: ID!, $input: UpdateSpecialistInput!)",
      "updateSpecialist(id: $id, input: $input)",
      "MutationUpdateSpecialistSuccess",
    ),
    variables: ({ params, body }) => ({ id: params.id, input: body }),
  },
  {
    method: "DELETE",
    path: "/v1/specialists/:id",
    status: 204,
    document: mutation(
      "DeleteSpecialist($id: ID!)",
      "deleteSpecialist(id: $id)",
      "MutationDeleteSpecialistSuccess",
      "id",
    ),
    variables: ({ params }) => ({ id: params.id }),
  },
  {
    method: "PUT",
    path: "/v1/specialists/:id/user",
    document: mutation(
      "LinkSpecialistUser($input: LinkSpecialistUserInput!)",
      "linkSpecialistUser(input: $input)",
      "MutationLinkSpecialistUserSuccess",
    ),
    variables: ({ params, body }) => ({ input: { userId: body.userId, specialistId: params.id } }),
  },
  {
    method: "DELETE",
    path: "/v1/specialists/:id/user",
    document: mutation(
      "UnlinkSpecialistUser($input: LinkSpecialistUserInput!)",
      "linkSpecialistUser(input: $input)",
      "MutationLinkSpecialistUserSuccess",
    ),
    variables: ({ params }) => ({ input: { specialistId: params.id, userId: null } }),
  },
];
