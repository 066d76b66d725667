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
    if (ev.target.matches("[data-autosubmit]")) { ev.target.form.submit(); return; }
    const form = ev.target.form;
    if (form && form.dataset.live) schedule(form);
  });

  // Live check: after a field is left, the form is checked as the Check button does and the
  // problems are placed at their fields. Text only (textContent), never markup.
  let timer = null, seq = 0;
  function schedule(form) {
    clearTimeout(timer);
    timer = setTimeout(function () { check(form); }, 300);
  }
  function check(form) {
    const mine = ++seq;
    const body = new URLSearchParams(new FormData(form));
    body.delete("action");
    fetch(form.dataset.live, {
      method: "POST", credentials: "same-origin", body: body,
      headers: { "X-CSRF-Token": form.elements.csrf.value },
    }).then(function (r) { return r.ok ? r.json() : null; }).then(function (res) {
      if (!res || mine !== seq) return;
      form.querySelectorAll("[data-for]").forEach(function (box) {
        const path = box.getAttribute("data-for");
        const diags = path === "" ? (res.general || []) : (res.fields[path] || []);
        box.replaceChildren.apply(box, diags.map(render));
        const field = box.closest(".field");
        if (field && path === field.getAttribute("data-path")) {
          field.classList.toggle("has-error", diags.some(function (d) { return d.error; }));
        }
      });
      const gen = document.getElementById("general");
      if (gen) gen.hidden = !(res.general && res.general.length);
      const sum = document.getElementById("summary");
      if (sum) { sum.textContent = res.summary; sum.className = res.errors ? "bad" : "ok"; }
    }).catch(function () { /* the Check button still works */ });
  }
  function render(d) {
    const div = document.createElement("div");
    div.className = "diag " + (d.error ? "error" : "warning");
    const mark = document.createElement("strong");
    mark.textContent = d.error ? "✖" : "⚠";
    div.append(mark, " " + d.message);
    if (d.docs) {
      const docs = document.createElement("span");
      docs.className = "docs";
      docs.textContent = " (" + d.docs + ")";
      div.append(docs);
    }
    if (d.hint) {
      const hint = document.createElement("div");
      hint.className = "hint";
      hint.textContent = d.hint;
      div.append(hint);
    }
    return div;
  }
})();
