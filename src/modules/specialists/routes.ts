import { listRoute, mutationRoute, queryRoute, type V1Route } from "../../http/v1/route.js";

/** A specialist as `/v1` answers it (also in the lists of a specialty). */
export const specialistSelection = "id firstName lastName email timezone bio active createdAt updatedAt";
const specialist = `${specialistSelection} user { id email }`;

export const specialistRoutes: V1Route[] = [
  listRoute({
    path: "/v1/specialists",
    connection: "specialists",
    args: { filter: "SpecialistFilter" },
    filter: { search: "string", active: "boolean" },
    select: specialist,
  }),
  mutationRoute({
    method: "POST",
    path: "/v1/specialists",
    status: 201,
    mutation: "createSpecialist",
    args: { input: "CreateSpecialistInput!" },
    select: specialist,
  }),
  queryRoute({ path: "/v1/specialists/:id", query: "specialist", args: { id: "ID!" }, select: specialist }),
  mutationRoute({
    method: "PATCH",
    path: "/v1/specialists/:id",
    mutation: "updateSpecialist",
    args: { id: "ID!", input: "UpdateSpecialistInput!" },
    select: specialist,
  }),
  mutationRoute({
    method: "DELETE",
    path: "/v1/specialists/:id",
    status: 204,
    mutation: "deleteSpecialist",
    args: { id: "ID!" },
    select: "id",
  }),
  mutationRoute({
    method: "PUT",
    path: "/v1/specialists/:id/user",
    mutation: "linkSpecialistUser",
    args: { input: "LinkSpecialistUserInput!" },
    select: specialist,
    variables: ({ params, body }) => ({ input: { userId: body.userId, specialistId: params.id } }),
  }),
  mutationRoute({
    method: "DELETE",
    path: "/v1/specialists/:id/user",
    mutation: "linkSpecialistUser",
    args: { input: "LinkSpecialistUserInput!" },
    select: specialist,
    variables: ({ params }) => ({ input: { specialistId: params.id, userId: null } }),
  }),
];
