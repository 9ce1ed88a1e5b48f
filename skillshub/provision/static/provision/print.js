// "Print the shortlist" buttons: shown only when JavaScript can print (no inline handlers: CSP).
for (const button of document.querySelectorAll('[data-app-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
