// Marks the page as JS-enabled for GOV.UK Frontend and starts its components.
import { initAll } from "/static/build/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
