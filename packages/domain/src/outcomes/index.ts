export * from "./vocabulary";
export * from "./instrument";
export * from "./schemas";
export * from "./recovery-instrument";
