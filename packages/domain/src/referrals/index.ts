export * from "./vocabulary";
export * from "./schemas";
