export * from "./vocabulary";
export * from "./catalog";
export * from "./schemas";
export * from "./rules";
