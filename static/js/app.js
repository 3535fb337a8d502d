// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Offer the device's own time zone next to the time-zone field.
  function offerBrowserZone() {
    var form = document.querySelector(".js-time-zone-form");
    if (!form || !window.Intl) { return; }
    var input = form.querySelector("input[name=time_zone]");
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!input || !zone || input.value === zone) { return; }
    var hint = form.querySelector(".time-zone-hint");
    hint.querySelector(".js-browser-zone").textContent = zone;
    hint.hidden = false;
    hint.querySelector(".js-use-browser-zone").addEventListener("click", function () {
      input.value = zone;
      hint.hidden = true;
      input.focus();
    });
  }

  // Close the phone menu when Escape is pressed inside it.
  function closeMenusOnEscape() {
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      document.querySelectorAll("details.nav-disclosure[open]").forEach(function (menu) {
        menu.open = false;
        menu.querySelector("summary").focus();
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    offerBrowserZone();
    closeMenusOnEscape();
  });
})();
