import { listRoute, mutationRoute, queryRoute, type V1Route } from "../../http/v1/route.js";
import { specialistSelection } from "../specialists/index.js";

const specialty = "id name description createdAt updatedAt";

export const specialtyRoutes: V1Route[] = [
  listRoute({ path: "/v1/specialties", connection: "specialties", select: specialty }),
  mutationRoute({
    method: "POST",
    path: "/v1/specialties",
    status: 201,
    mutation: "createSpecialty",
    args: { input: "CreateSpecialtyInput!" },
    select: specialty,
  }),
  queryRoute({ path: "/v1/specialties/:id", query: "specialty", args: { id: "ID!" }, select: specialty }),
  mutationRoute({
    method: "PATCH",
    path: "/v1/specialties/:id",
    mutation: "updateSpecialty",
    args: { id: "ID!", input: "UpdateSpecialtyInput!" },
    select: specialty,
  }),
  mutationRoute({
    method: "DELETE",
    path: "/v1/specialties/:id",
    status: 204,
    mutation: "deleteSpecialty",
    args: { id: "ID!" },
    select: "id",
  }),
  listRoute({
    path: "/v1/specialties/:id/specialists",
    connection: "specialty.specialists",
    args: { id: "ID!" },
    select: specialistSelection,
  }),
  mutationRoute({
    method: "POST",
    path: "/v1/specialties/:id/specialists",
    status: 201,
    mutation: "attachSpecialty",
    args: { input: "SpecialistSpecialtyInput!" },
    select: specialistSelection,
    variables: ({ params, body }) => ({ input: { specialistId: body.specialistId, specialtyId: params.id } }),
  }),
  mutationRoute({
    method: "DELETE",
    path: "/v1/specialties/:id/specialists/:specialistId",
    status: 204,
    mutation: "detachSpecialty",
    args: { input: "SpecialistSpecialtyInput!" },
    select: "id",
    variables: ({ params }) => ({ input: { specialistId: params.specialistId, specialtyId: params.id } }),
  }),
  listRoute({
    path: "/v1/specialists/:id/specialties",
    connection: "specialist.specialties",
    args: { id: "ID!" },
    select: specialty,
  }),
];
