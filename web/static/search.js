/* Search page niceties; everything also works without JavaScript. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // Sort and "group by story" apply at once instead of waiting for the Search button.
    document.querySelectorAll("[data-autosubmit]").forEach(function (input) {
      input.addEventListener("change", function () { if (input.form) input.form.requestSubmit(); });
    });
    // The address carries the whole search: copying it is how a search is shared.
    document.querySelectorAll("[data-copy-link]").forEach(function (button) {
      button.addEventListener("click", function () {
        var done = function () {
          var original = button.textContent;
          button.textContent = button.getAttribute("data-copied");
          setTimeout(function () { button.textContent = original; }, 2000);
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(window.location.href).then(done, function () {
            window.prompt("URL", window.location.href);
          });
        } else {
          window.prompt("URL", window.location.href);
        }
      });
    });
  });
})();
