import "./styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { initI18n } from "./i18n";
import { App } from "./app/app";

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");

void initI18n().then(() => {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
