export * from "./vocabulary";
export * from "./schemas";
export * from "./cells";
export * from "./access";
