import {
  connectionBody,
  connectionSelection,
  mutationDocument,
  pageVariables,
  type V1Route,
} from "../../http/v1/route.js";
import { specialistSelection } from "../specialists/index.js";

const specialty = "id name description createdAt updatedAt";

/** The connection a `/v1` path's parent object holds, as a page. */
const nestedPage = (field: string) => (value: unknown) => connectionBody((value as Record<string, unknown>)[field]);

export const specialtyRoutes: V1Route[] = [
  {
    method: "GET",
    path: "/v1/specialties",
    document: `query Specialties($first: Int, $after: String) {
      specialties(first: $first, after: $after) { ${connectionSelection(specialty)} }
    }`,
    variables: ({ query }) => pageVariables(query),
    body: connectionBody,
  },
  {
    method: "POST",
    path: "/v1/specialties",
    status: 201,
    document: mutationDocument(
      "CreateSpecialty($input: CreateSpecialtyInput!)",
      "createSpecialty(input: $input)",
      "MutationCreateSpecialtySuccess",
      specialty,
    ),
    variables: ({ body }) => ({ input: body }),
  },
  {
    method: "GET",
    path: "/v1/specialties/:id",
    document: `query Specialty($id: ID!) { specialty(id: $id) { ${specialty} } }`,
    variables: ({ params }) => ({ id: params.id }),
  },
  {
    method: "PATCH",
    path: "/v1/specialties/:id",
    document: mutationDocument(
      "UpdateSpecialty($id: ID!, $input: UpdateSpecialtyInput!)",
      "updateSpecialty(id: $id, input: $input)",
      "MutationUpdateSpecialtySuccess",
      specialty,
    ),
    variables: ({ params, body }) => ({ id: params.id, input: body }),
  },
  {
    method: "DELETE",
    path: "/v1/specialties/:id",
    status: 204,
    document: mutationDocument(
      "DeleteSpecialty($id: ID!)",
      "deleteSpecialty(id: $id)",
      "MutationDeleteSpecialtySuccess",
      "id",
    ),
    variables: ({ params }) => ({ id: params.id }),
  },
  {
    method: "GET",
    path: "/v1/specialties/:id/specialists",
    document: `query SpecialtySpecialists($id: ID!, $first: Int, $after: String) {
      specialty(id: $id) { specialists(first: $first, after: $after) { ${connectionSelection(specialistSelection)} } }
    }`,
    variables: ({ params, query }) => ({ id: params.id, ...pageVariables(query) }),
    body: nestedPage("specialists"),
  },
  {
    method: "POST",
    path: "/v1/specialties/:id/specialists",
    status: 201,
    document: mutationDocument(
      "AttachSpecialty($input: SpecialistSpecialtyInput!)",
      "attachSpecialty(input: $input)",
      "MutationAttachSpecialtySuccess",
      specialistSelection,
    ),
    variables: ({ params, body }) => ({ input: { specialistId: body.specialistId, specialtyId: params.id } }),
  },
  {
    method: "DELETE",
    path: "/v1/specialties/:id/specialists/:specialistId",
    status: 204,
    document: mutationDocument(
      "DetachSpecialty($input: SpecialistSpecialtyInput!)",
      "detachSpecialty(input: $input)",
      "MutationDetachSpecialtySuccess",
      "id",
    ),
    variables: ({ params }) => ({ input: { specialistId: params.specialistId, specialtyId: params.id } }),
  },
  {
    method: "GET",
    path: "/v1/specialists/:id/specialties",
    document: `query SpecialistSpecialties($id: ID!, $first: Int, $after: String) {
      specialist(id: $id) { specialties(first: $first, after: $after) { ${connectionSelection(specialty)} } }
    }`,
    variables: ({ params, query }) => ({ id: params.id, ...pageVariables(query) }),
    body: nestedPage("specialties"),
  },
];
