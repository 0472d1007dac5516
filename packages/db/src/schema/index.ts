export * from "./agencies";
export * from "./users";
export * from "./sessions";
export * from "./audit";
export * from "./cases";
export * from "./partners";
export * from "./plans";
export * from "./outcomes";
