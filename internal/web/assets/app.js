// tsdraft serve: add/remove list items and submit the small menus on change. Everything else
// works without scripts.
"use strict";
(function () {
  let counter = 0;
  document.addEventListener("click", function (ev) {
    const add = ev.target.closest("[data-add]");
    if (add) {
      const path = add.getAttribute("data-add");
      const tpl = document.getElementById("tpl-" + path);
      const list = document.getElementById("items-" + path);
      if (!tpl || !list) return;
      // A fresh index above every posted one; the server closes the gaps.
      const idx = String(9000 + counter++);
      const frag = tpl.content.cloneNode(true);
      frag.querySelectorAll("[name],[id],[for],[data-for],[data-path]").forEach(function (el) {
        ["name", "id", "for", "data-for", "data-path"].forEach(function (a) {
          const v = el.getAttribute(a);
          if (v) el.setAttribute(a, v.split("__I__").join(idx));
        });
      });
      list.appendChild(frag);
      const first = list.lastElementChild && list.lastElementChild.querySelector("input,textarea,select");
      if (first) first.focus();
      return;
    }
    const rm = ev.target.closest("[data-remove]");
    if (rm) {
      const item = rm.closest(".item");
      if (item) item.remove();
    }
  });
  document.addEventListener("change", function (ev) {
    if (ev.target.matches("[data-autosubmit]")) ev.target.form.submit();
  });
})();
