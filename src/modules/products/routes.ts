import { connectionBody, connectionSelection, pageVariables, type V1Route } from "../../http/v1/route.js";
import { filterFrom, mutation } from "../services/index.js";

const product = "id name description kind sku price currency active createdAt updatedAt";
const order = `id quantity unitPrice total currency status nextStatuses note paidAt fulfilledAt cancelledAt refundedAt
  createdAt updatedAt patient { id firstName lastName } product { id name kind }`;

export const productRoutes: V1Route[] = [
  {
    method: "GET",
    path: "/v1/products",
    document: `query Products($first: Int, $after: String, $filter: ProductFilter) {
      products(first: $first, after: $after, filter: $filter) { ${connectionSelection(product)} } }`,
    variables: ({ query }) => ({
      ...pageVariables(query),
      filter: filterFrom(query, ["active", "kind", "search"], ["active"]),
    }),
    body: connectionBody,
  },
  {
    method: "POST",
    path: "/v1/products",
    status: 201,
    document: mutation(
      "CreateProduct($input: CreateProductInput!)",
      "createProduct(input: $input)",
      "MutationCreateProductSuccess",
      product,
    ),
    variables: ({ body }) => ({ input: body }),
  },
  {
    method: "GET",
    path: "/v1/products/:id",
    document: `query Product($id: ID!) { product(id: $id) { ${product} } }`,
    variables: ({ params }) => ({ id: params.id }),
  },
  {
    method: "PATCH",
    path: "/v1/products/:id",
    document: mutation(
      "UpdateProduct($id: ID!, $input: UpdateProductInput!)",
      "updateProduct(id: $id, input: $input)",
      "MutationUpdateProductSuccess",
      product,
    ),
    variables: ({ params, body }) => ({ id: params.id, input: body }),
  },
  {
    method: "GET",
    path: "/v1/patient-product-orders",
    document: `query PatientProductOrders($first: Int, $after: String, $filter: PatientProductOrderFilter) {
      patientProductOrders(first: $first, after: $after, filter: $filter) { ${connectionSelection(order)} } }`,
    variables: ({ query }) => ({ ...pageVariables(query), filter: filterFrom(query, ["patientId", "status"]) }),
    body: connectionBody,
  },
  {
    method: "POST",
    path: "/v1/patient-product-orders",
    status: 201,
    document: mutation(
      "CreatePatientProductOrder($input: CreatePatientProductOrderInput!)",
      "createPatientProductOrder(input: $input)",
      "MutationCreatePatientProductOrderSuccess",
      order,
    ),
    variables: ({ body }) => ({ input: body }),
  },
  {
    method: "GET",
    path: "/v1/patient-product-orders/:id",
    document: `query PatientProductOrder($id: ID!) { patientProductOrder(id: $id) { ${order} } }`,
    variables: ({ params }) => ({ id: params.id }),
  },
  {
    method: "PATCH",
    path: "/v1/patient-product-orders/:id",
    document: mutation(
      "UpdatePatientProductOrderStatus($id: ID!, $status: ProductOrderStatus!)",
      "updatePatientProductOrderStatus(id: $id, status: $status)",
      "MutationUpdatePatientProductOrderStatusSuccess",
      order,
    ),
    variables: ({ params, body }) => ({ id: params.id, status: body.status }),
  },
];
