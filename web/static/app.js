// Behaviour every page may use, from a file because the Content-Security-Policy allows no inline
// script or event handler (web/security.py).
(function () {
  "use strict";
  // <form data-confirm="…">: ask before submitting (deleting a topic, resetting a password).
  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute && event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) { event.preventDefault(); }
  });
  // The digest preview's iframe grows to the mail's height.
  document.querySelectorAll("iframe.dg-frame").forEach(function (frame) {
    function fit() {
      var doc = frame.contentDocument;
      if (doc && doc.documentElement) { frame.style.height = (doc.documentElement.scrollHeight + 24) + "px"; }
    }
    frame.addEventListener("load", fit);
    fit();
  });
})();
