// While a workbook is being checked (a few seconds), show it on the button and stop double submits.
document.addEventListener("submit", function (event) {
  var button = event.target.querySelector("button[data-busy]");
  if (button) {
    button.disabled = true;
    button.textContent = button.getAttribute("data-busy");
  }
});
// The carry-forward form answers with a download, not a page: re-enable its button afterwards.
window.addEventListener("pageshow", function () {
  document.querySelectorAll("button[data-busy]").forEach(function (b) { b.disabled = false; });
});
