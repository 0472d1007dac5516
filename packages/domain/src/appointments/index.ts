export * from "./vocabulary";
export * from "./time-zones";
export * from "./rules";
export * from "./schemas";
