// Figure highlights: hover or focus shows a record; a click pins it until Escape or a click
// elsewhere. Filter forms drop empty fields so shared URLs hold only the chosen filters.
(function () {
  "use strict";

  function fit(record) {
    record.style.removeProperty("--shift");
    var box = record.getBoundingClientRect();
    var overflow = box.right - (window.innerWidth - 8);
    if (overflow > 0) record.style.setProperty("--shift", (-overflow) + "px");
    if (box.left < 8) record.style.setProperty("--shift", (8 - box.left) + "px");
  }

  function setOpen(button, open) {
    var holder = button.parentElement;
    holder.classList.toggle("open", open);
    button.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) fit(holder.querySelector(".rec"));
  }

  function closeAll(except) {
    document.querySelectorAll(".fig.open > .fig-btn").forEach(function (button) {
      if (button !== except) setOpen(button, false);
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".fig-btn");
    if (button) {
      closeAll(button);
      setOpen(button, button.getAttribute("aria-expanded") !== "true");
      return;
    }
    var jump = event.target.closest(".jump");
    if (jump) {
      var target = document.getElementById("fig-" + jump.dataset.figure);
      if (target) { closeAll(target); target.focus(); setOpen(target, true); }
      event.preventDefault();
      return;
    }
    if (!event.target.closest(".rec")) closeAll(null);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closeAll(null);
  });

  document.addEventListener("focusin", function (event) {
    if (event.target.classList && event.target.classList.contains("fig-btn")) {
      fit(event.target.parentElement.querySelector(".rec"));
    }
  });

  document.querySelectorAll("form.filters, form.inline-filter").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input, select").forEach(function (field) {
        if (!field.value) field.disabled = true;
      });
    });
  });
})();
