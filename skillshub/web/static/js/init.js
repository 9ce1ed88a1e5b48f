// Start every GOV.UK Frontend component on the page.
import { initAll } from '/static/vendor/govuk/govuk-frontend.min.js';
initAll();
