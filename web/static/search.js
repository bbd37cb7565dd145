/* Search page niceties; everything also works without JavaScript. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // Sort and "group by story" apply at once instead of waiting for the Search button.
    document.querySelectorAll("[data-autosubmit]").forEach(function (input) {
      input.addEventListener("change", function () { if (input.form) input.form.requestSubmit(); });
    });
    // Empty fields stay out of the address, so shared links are short and readable.
    var form = document.getElementById("search-form");
    if (form) {
      form.addEventListener("submit", function () {
        form.querySelectorAll("input[name], select[name]").forEach(function (field) {
          if (!field.value || (field.name === "sort" && field.value === "relevance")) field.disabled = true;
        });
      });
      // Back from the results page the form may come from the page cache: usable again.
      window.addEventListener("pageshow", function () {
        form.querySelectorAll("[disabled]").forEach(function (field) { field.disabled = false; });
      });
    }
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
