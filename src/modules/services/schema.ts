// Placeholders of the profiles feature's types (replaced by its fuller versions).
import "../patients/patient.type.js";
import "../specialists/specialist.type.js";
// Types
import "./enums.js";
import "./service.type.js";
import "./service-attachment.type.js";
import "./product.type.js";
import "./service-plan.type.js";
import "./patient-service-plan.type.js";
import "./patient-product-order.type.js";
// Services
import "./services.query.js";
import "./service.mutations.js";
import "./service-links.mutations.js";
import "./service-attachment.mutations.js";
// Plans, patient plans and access
import "./service-plans.query.js";
import "./service-plan.mutations.js";
import "./patient-service-plans.query.js";
import "./patient-service-plan.mutations.js";
import "./patient-access.query.js";
// Products and orders
import "./products.query.js";
import "./product.mutations.js";
import "./patient-product-orders.query.js";
import "./patient-product-order.mutations.js";
