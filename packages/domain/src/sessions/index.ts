export * from "./vocabulary";
export * from "./schemas";
export * from "./screening";
export * from "./access";
export * from "./instruments";
