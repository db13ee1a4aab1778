"use strict";
// The facilitator's remote: each button posts to the page's own secret address and says
// whether regie took it. Nothing from the server is put on the page as HTML.
(function () {
  const words = document.body.dataset;
  const said = document.getElementById("said");
  const base = location.pathname.replace(/\/+$/, "");
  for (const button of document.querySelectorAll("button[data-press]")) {
    button.addEventListener("click", async function () {
      let answer = null;
      try {
        answer = await fetch(base + "/" + button.dataset.press, { method: "POST", credentials: "same-origin" });
      } catch (e) {
        answer = null;
      }
      if (answer && answer.status === 204) {
        said.textContent = words.done + " " + button.textContent;
      } else if (answer && answer.status === 409) {
        said.textContent = words.refused;
      } else {
        said.textContent = words.failed;
      }
    });
  }
})();
