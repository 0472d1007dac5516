export * from "./roles";
export * from "./permissions";
export * from "./auth";
export * from "./admin";
export * from "./errors";
export * from "./cases";
export * from "./plans";
export * from "./outcomes";
