import { listRoute, mutationRoute, queryRoute, type V1Route } from "../../http/v1/route.js";

const product = "id name description kind sku price currency active createdAt updatedAt";
const order = `id quantity unitPrice total currency status nextStatuses note paidAt fulfilledAt cancelledAt refundedAt
  createdAt updatedAt patient { id firstName lastName } product { id name kind }`;

export const productRoutes: V1Route[] = [
  listRoute({
    path: "/v1/products",
    connection: "products",
    args: { filter: "ProductFilter" },
    filter: { active: "boolean", kind: "string", search: "string" },
    select: product,
  }),
  mutationRoute({
    method: "POST",
    path: "/v1/products",
    status: 201,
    mutation: "createProduct",
    args: { input: "CreateProductInput!" },
    select: product,
  }),
  queryRoute({ path: "/v1/products/:id", query: "product", args: { id: "ID!" }, select: product }),
  mutationRoute({
    method: "PATCH",
    path: "/v1/products/:id",
    mutation: "updateProduct",
    args: { id: "ID!", input: "UpdateProductInput!" },
    select: product,
  }),
  listRoute({
    path: "/v1/patient-product-orders",
    connection: "patientProductOrders",
    args: { filter: "PatientProductOrderFilter" },
    filter: { patientId: "string", status: "string" },
    select: order,
  }),
  mutationRoute({
    method: "POST",
    path: "/v1/patient-product-orders",
    status: 201,
    mutation: "createPatientProductOrder",
    args: { input: "CreatePatientProductOrderInput!" },
    select: order,
  }),
  queryRoute({
    path: "/v1/patient-product-orders/:id",
    query: "patientProductOrder",
    args: { id: "ID!" },
    select: order,
  }),
  mutationRoute({
    method: "PATCH",
    path: "/v1/patient-product-orders/:id",
    mutation: "updatePatientProductOrderStatus",
    args: { id: "ID!", status: "ProductOrderStatus!" },
    select: order,
    variables: ({ params, body }) => ({ id: params.id, status: body.status }),
  }),
];
