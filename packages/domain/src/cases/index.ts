export * from "./vocabulary";
export * from "./access";
export * from "./workflow";
export * from "./regions";
export * from "./schemas";
export * from "./consent";
