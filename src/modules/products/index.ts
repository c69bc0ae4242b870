// The products module's surface for other modules: the type plans include products by.
export { ProductRef } from "./types/product.type.js";
