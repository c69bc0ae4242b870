import { beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../generated/gql.js";
import type { TestOrganization } from "../support/auth.js";
import { describeCrossTenant, empty, excludes, notFound, operation } from "../support/cross-tenant.js";
import { gql, gqlData, uuidOf } from "../support/graphql.js";
import { useTestServer } from "../support/server.js";
import { v1 } from "../support/v1.js";
import { createMember, createPatient, createPatientUser, createProduct } from "./fixtures.js";

const UpdateProduct = graphql(`
  mutation CatalogUpdateProduct($id: ID!, $input: UpdateProductInput!) {
    updateProduct(id: $id, input: $input) {
      __typename
      ... on MutationUpdateProductSuccess { data { id name price sku active } }
      ... on Error { code message }
    }
  }
`);

const Products = graphql(`
  query CatalogProducts($filter: ProductFilter) { products(first: 100, filter: $filter) { edges { node { id active } } } }
`);

const Product = graphql(`
  query CatalogProduct($id: ID!) { product(id: $id) { id } }
`);

const CreateOrder = graphql(`
  mutation CatalogCreatePatientProductOrder($input: CreatePatientProductOrderInput!) {
    createPatientProductOrder(input: $input) {
      __typename
      ... on MutationCreatePatientProductOrderSuccess { data { id status quantity unitPrice total currency nextStatuses } }
      ... on Error { code message }
      ... on ValidationError { fields { path message } }
    }
  }
`);

const SetStatus = graphql(`
  mutation CatalogUpdatePatientProductOrderStatus($id: ID!, $status: ProductOrderStatus!) {
    updatePatientProductOrderStatus(id: $id, status: $status) {
      __typename
      ... on MutationUpdatePatientProductOrderStatusSuccess { data { id status paidAt fulfilledAt refundedAt cancelledAt } }
      ... on Error { code message }
    }
  }
`);

const Orders = graphql(`
  query CatalogPatientProductOrders($filter: PatientProductOrderFilter) {
    patientProductOrders(first: 100, filter: $filter) { edges { node { id status patient { id } } } }
  }
`);

const Order = graphql(`
  query CatalogPatientProductOrder($id: ID!) { patientProductOrder(id: $id) { id status total } }
`);

const server = useTestServer();
let a: TestOrganization;
let b: TestOrganization;

beforeAll(async () => {
  [a, b] = await Promise.all([server.createOrganization("A"), server.createOrganization("B")]);
});

async function order(org: TestOrganization, patientId: string, productId: string, quantity = 1) {
  const result = await gqlData(server.url, CreateOrder, { input: { patientId, productId, quantity } }, org.owner);
  if (result.createPatientProductOrder.__typename !== "MutationCreatePatientProductOrderSuccess")
    throw new Error(JSON.stringify(result.createPatientProductOrder));
  return result.createPatientProductOrder.data;
}

describe("products", () => {
  it("creates, reads and updates a product over /v1", async () => {
    const created = await v1(server.url, "POST", "/v1/products", a.owner, {
      name: "Exercise guide (PDF)",
      kind: "digital",
      sku: "GUIDE-1",
      price: 990,
      currency: "EUR",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: "digital", sku: "GUIDE-1", price: 990, currency: "EUR", active: true });
    const updated = await v1(server.url, "PATCH", `/v1/products/${created.body.id}`, a.owner, {
      price: 1290,
      active: false,
    });
    expect(updated.body).toMatchObject({ price: 1290, active: false, sku: "GUIDE-1" });
    expect((await v1(server.url, "GET", `/v1/products/${created.body.id}`, a.owner)).body.price).toBe(1290);
    const listed = await v1(server.url, "GET", "/v1/products?active=false&kind=digital", a.owner);
    expect(listed.body.data.map((p: { id: string }) => p.id)).toContain(created.body.id);
  });

  it("refuses bad products with field paths (422) and a taken SKU with 409, writing nothing", async () => {
    const count = () => server.services.adminDb.product.count({ where: { organizationId: uuidOf(a.id) } });
    const before = await count();
    const negative = await v1(server.url, "POST", "/v1/products", a.owner, {
      name: "Band",
      kind: "physical",
      price: -1,
      currency: "EUR",
    });
    expect(negative.status).toBe(422);
    expect(negative.body.error.fields).toEqual([{ path: ["input", "price"], message: "must not be negative" }]);
    const currency = await v1(server.url, "POST", "/v1/products", a.owner, {
      name: "Band",
      kind: "physical",
      price: 1,
      currency: "XYZ",
    });
    expect(currency.body.error.fields[0].path).toEqual(["input", "currency"]);
    const kind = await v1(server.url, "POST", "/v1/products", a.owner, {
      name: "Band",
      kind: "liquid",
      price: 1,
      currency: "EUR",
    });
    expect(kind.status).toBe(400);
    await v1(server.url, "POST", "/v1/products", a.owner, {
      name: "Band",
      kind: "physical",
      sku: "BAND",
      price: 1,
      currency: "EUR",
    });
    const taken = await v1(server.url, "POST", "/v1/products", a.owner, {
      name: "Band 2",
      kind: "physical",
      sku: "BAND",
      price: 1,
      currency: "EUR",
    });
    expect(taken.status).toBe(409);
    expect(await count()).toBe(before + 1);
  });

  it("shows patients active products only and does not let them manage products", async () => {
    const hidden = await createProduct(server, a, { active: false });
    const { headers } = await createPatientUser(server, a);
    const list = await gqlData(server.url, Products, {}, headers);
    expect(list.products.edges.every((e) => e.node.active)).toBe(true);
    expect((await gqlData(server.url, Product, { id: hidden }, headers)).product).toBeNull();
    const forbidden = await gql(server.url, UpdateProduct, { id: hidden, input: { active: true } }, headers);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("patient product orders", () => {
  it("computes the total server-side from the product's price, and keeps it when the price changes", async () => {
    const product = await createProduct(server, a, { price: 1299, currency: "GBP" });
    const patient = await createPatient(server, a);
    const created = await v1(server.url, "POST", "/v1/patient-product-orders", a.owner, {
      patientId: patient,
      productId: product,
      quantity: 3,
      total: 1, // not an input: the server computes it
    });
    expect(created.status).toBe(400);
    const placed = await order(a, patient, product, 3);
    expect(placed).toMatchObject({
      status: "pending",
      unitPrice: 1299,
      total: 3897,
      currency: "GBP",
      nextStatuses: ["paid", "cancelled"],
    });
    await gqlData(server.url, UpdateProduct, { id: product, input: { price: 5000 } }, a.owner);
    expect((await gqlData(server.url, Order, { id: placed.id }, a.owner)).patientProductOrder?.total).toBe(3897);
  });

  it("moves along pending → paid → fulfilled → refunded and refuses any other move with 409", async () => {
    const placed = await order(a, await createPatient(server, a), await createProduct(server, a));
    const step = (status: "paid" | "fulfilled" | "refunded" | "cancelled" | "pending") =>
      gqlData(server.url, SetStatus, { id: placed.id, status }, a.owner).then((r) => r.updatePatientProductOrderStatus);
    expect(await step("fulfilled")).toMatchObject({
      __typename: "ConflictError",
      message: "An order that is pending cannot become fulfilled (it may become paid or cancelled)",
    });
    expect(await step("paid")).toMatchObject({
      data: { status: "paid", paidAt: expect.any(String), fulfilledAt: null },
    });
    expect(await step("cancelled")).toMatchObject({ __typename: "ConflictError" });
    const fulfilled = await v1(server.url, "PATCH", `/v1/patient-product-orders/${placed.id}`, a.owner, {
      status: "fulfilled",
    });
    expect(fulfilled.body).toMatchObject({
      status: "fulfilled",
      fulfilledAt: expect.any(String),
      nextStatuses: ["refunded"],
    });
    expect(await step("refunded")).toMatchObject({ data: { status: "refunded", refundedAt: expect.any(String) } });
    const final = await v1(server.url, "PATCH", `/v1/patient-product-orders/${placed.id}`, a.owner, {
      status: "pending",
    });
    expect(final.status).toBe(409);
    const trail = await server.services.adminDb.auditLog.findMany({
      where: { entityId: uuidOf(placed.id), action: "patient_product_order.update_status" },
      orderBy: { createdAt: "asc" },
    });
    expect(trail.map((row) => (row.changes as { after: { status: string } }).after.status)).toEqual([
      "paid",
      "fulfilled",
      "refunded",
    ]);
  });

  it("lets only one of two concurrent moves from the same status win", async () => {
    const placed = await order(a, await createPatient(server, a), await createProduct(server, a));
    const [paid, cancelled] = await Promise.all([
      gqlData(server.url, SetStatus, { id: placed.id, status: "paid" }, a.owner),
      gqlData(server.url, SetStatus, { id: placed.id, status: "cancelled" }, a.owner),
    ]);
    const outcomes = [paid, cancelled].map((r) => r.updatePatientProductOrderStatus.__typename).sort();
    expect(outcomes).toEqual(["ConflictError", "MutationUpdatePatientProductOrderStatusSuccess"]);
  });

  it("refuses an inactive product (409), a quantity out of range (422) and an overflowing total (422)", async () => {
    const patient = await createPatient(server, a);
    const inactive = await createProduct(server, a, { active: false });
    const refused = await v1(server.url, "POST", "/v1/patient-product-orders", a.owner, {
      patientId: patient,
      productId: inactive,
      quantity: 1,
    });
    expect(refused.status).toBe(409);
    const product = await createProduct(server, a, { price: 100_000_000 });
    const zero = await v1(server.url, "POST", "/v1/patient-product-orders", a.owner, {
      patientId: patient,
      productId: product,
      quantity: 0,
    });
    expect(zero.body.error.fields).toEqual([{ path: ["input", "quantity"], message: "must be at least 1" }]);
    const huge = await v1(server.url, "POST", "/v1/patient-product-orders", a.owner, {
      patientId: patient,
      productId: product,
      quantity: 100,
    });
    expect(huge.status).toBe(422);
    expect(huge.body.error.fields[0].path).toEqual(["input", "quantity"]);
    expect(await server.services.adminDb.patientProductOrder.count({ where: { patientId: uuidOf(patient) } })).toBe(0);
  });

  it("shows a patient user their own orders only; staff see all, specialists cannot sell", async () => {
    const me = await createPatientUser(server, a);
    const product = await createProduct(server, a);
    const mine = await order(a, me.patientId, product);
    const theirs = await order(a, await createPatient(server, a), product);
    const list = await gqlData(server.url, Orders, {}, me.headers);
    expect(list.patientProductOrders.edges.map((e) => e.node.id)).toEqual([mine.id]);
    expect((await gqlData(server.url, Order, { id: theirs.id }, me.headers)).patientProductOrder).toBeNull();
    const all = await gqlData(server.url, Orders, {}, a.owner);
    expect(all.patientProductOrders.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    const specialist = await createMember(server, a, "specialist");
    const sold = await gql(
      server.url,
      CreateOrder,
      { input: { patientId: me.patientId, productId: product, quantity: 1 } },
      specialist.headers,
    );
    expect(sold.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("another organization's products and orders", () => {
  let theirProduct: string;
  let theirPatient: string;
  let theirOrder: { id: string };
  let myPatient: string;
  let myProduct: string;

  beforeAll(async () => {
    theirProduct = await createProduct(server, b);
    theirPatient = await createPatient(server, b);
    theirOrder = await order(b, theirPatient, theirProduct);
    myPatient = await createPatient(server, a);
    myProduct = await createProduct(server, a);
  });

  describeCrossTenant(
    "are invisible to queries and untouchable by mutations, which answer not found and change nothing",
    {
      server,
      as: () => a.owner,
      unchanged: async () => {
        const { adminDb } = server.services;
        expect((await adminDb.product.findUniqueOrThrow({ where: { id: uuidOf(theirProduct) } })).price).toBe(1299);
        expect(
          (await adminDb.patientProductOrder.findUniqueOrThrow({ where: { id: uuidOf(theirOrder.id) } })).status,
        ).toBe("pending");
        expect(await adminDb.patientProductOrder.count({ where: { patientId: uuidOf(myPatient) } })).toBe(0);
      },
      operations: [
        operation(Product, () => ({ id: theirProduct }), empty),
        operation(
          Products,
          () => ({}),
          excludes(() => theirProduct),
          "leaves B's out",
        ),
        operation(Order, () => ({ id: theirOrder.id }), empty),
        operation(Orders, () => ({ filter: { patientId: theirPatient } }), empty, "of B's patient"),
        operation(UpdateProduct, () => ({ id: theirProduct, input: { price: 1 } }), notFound()),
        operation(
          CreateOrder,
          () => ({ input: { patientId: myPatient, productId: theirProduct, quantity: 1 } }),
          notFound(),
          "of B's product",
        ),
        operation(
          CreateOrder,
          () => ({ input: { patientId: theirPatient, productId: myProduct, quantity: 1 } }),
          notFound(),
          "for B's patient",
        ),
      ],
      ids: () => ({ product: theirProduct, order: theirOrder.id }),
      routes: [
        ["GET", "/v1/products/:product"],
        ["GET", "/v1/patient-product-orders/:order"],
        ["PATCH", "/v1/patient-product-orders/:order", { status: "paid" }],
      ],
    },
  );

  it("answers an id of another type with 400 on /v1, not a server error", async () => {
    const theirOrder = await order(b, await createPatient(server, b), await createProduct(server, b));
    const response = await v1(server.url, "GET", `/v1/products/${theirOrder.id}`, a.owner);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("BAD_REQUEST");
  });
});
