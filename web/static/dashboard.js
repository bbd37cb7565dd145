/* Dashboard charts (Chart.js, vendored in static/vendor/chartjs). The data comes from the
   server as JSON in #dashboard-data; labels are already in the reader's language. */
(function () {
  "use strict";
  var TONE_COLOURS = { negative: "#c0392b", neutral: "#9aa5b1", positive: "#2f9e44" };
  var PALETTE = ["#1f5fa8", "#d9822b", "#2f9e44", "#8e44ad", "#c0392b", "#16a2b8", "#7f8c8d", "#b7950b"];

  function el(id) { return document.getElementById(id); }

  function autosubmit() {
    document.querySelectorAll("[data-autosubmit]").forEach(function (input) {
      input.addEventListener("change", function () { if (input.form) input.form.requestSubmit(); });
    });
  }

  function draw() {
    var source = el("dashboard-data");
    if (!source || typeof Chart === "undefined") return;
    var data = JSON.parse(source.textContent);
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.color = "#3e4c59";
    Chart.defaults.maintainAspectRatio = false;

    if (el("chart-timeline")) {
      var t = data.timeline;
      new Chart(el("chart-timeline"), {
        type: "bar",
        data: {
          labels: t.labels,
          datasets: t.series.map(function (s) {
            return { label: s.label, data: s.data, backgroundColor: TONE_COLOURS[s.key], stack: "tone",
                     borderRadius: 2, maxBarThickness: 36 };
          })
        },
        options: {
          interaction: { mode: "index", intersect: false },
          plugins: { legend: { position: "bottom" } },
          scales: { x: { stacked: true, grid: { display: false },
                         title: { display: true, text: t.interval === "day" ? data.text.day : data.text.week } },
                    y: { stacked: true, beginAtZero: true, ticks: { precision: 0 },
                         title: { display: true, text: data.text.articles } } }
        }
      });
    }
    if (el("chart-topics")) {
      new Chart(el("chart-topics"), {
        type: "bar",
        data: { labels: data.topics.labels,
                datasets: [{ label: data.text.articles, data: data.topics.data, backgroundColor: "#1f5fa8",
                             borderRadius: 3, maxBarThickness: 22 }] },
        options: { indexAxis: "y", plugins: { legend: { display: false } },
                   scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { grid: { display: false } } } }
      });
    }
    if (el("chart-tones")) {
      new Chart(el("chart-tones"), {
        type: "doughnut",
        data: { labels: data.tones.labels,
                datasets: [{ data: data.tones.data,
                             backgroundColor: data.tones.keys.map(function (k) { return TONE_COLOURS[k]; }) }] },
        options: { cutout: "60%", plugins: { legend: { position: "bottom" } } }
      });
    }
    if (el("chart-kinds")) {
      new Chart(el("chart-kinds"), {
        type: "doughnut",
        data: { labels: data.kinds.labels,
                datasets: [{ data: data.kinds.data, backgroundColor: PALETTE.slice(0, data.kinds.data.length) }] },
        options: { cutout: "55%", plugins: { legend: { position: "bottom" } } }
      });
    }
  }

  document.addEventListener("DOMContentLoaded", function () { autosubmit(); draw(); });
})();
