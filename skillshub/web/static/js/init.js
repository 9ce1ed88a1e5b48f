// Start every GOV.UK Frontend component on the page.
import { initAll } from '/static/vendor/govuk/govuk-frontend.min.js';
initAll();

// After a change that reloads the page at one result (#offer-...), put keyboard focus back
// there, so people using a keyboard or screen reader carry on where they were.
const target = window.location.hash && document.getElementById(window.location.hash.slice(1));
if (target && target.tabIndex === -1) {
  target.focus();
}
