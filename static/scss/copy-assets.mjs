// Copies GOV.UK Frontend's fonts-free assets (images, JS) beside the compiled stylesheet.
import { cpSync, mkdirSync } from "node:fs";

const dist = "node_modules/govuk-frontend/dist/govuk";
mkdirSync("static/build", { recursive: true });
cpSync(`${dist}/assets/images`, "static/build/assets/images", { recursive: true });
cpSync(`${dist}/assets/manifest.json`, "static/build/assets/manifest.json");
cpSync(`${dist}/govuk-frontend.min.js`, "static/build/govuk-frontend.min.js");
