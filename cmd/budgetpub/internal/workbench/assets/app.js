// 部门预算公开工作台：the pages work without script; this adds drag and
// drop, the live check of the source file, jumping to a line, sortable
// tables and a "working" state on long actions.
(function () {
  "use strict";
  var csrf = document.body.getAttribute("data-csrf") || "";

  // Drag and drop onto .drop areas: the files go into its file input.
  document.querySelectorAll(".drop").forEach(function (zone) {
    var input = document.getElementById(zone.getAttribute("data-for"));
    if (!input) { return; }
    ["dragenter", "dragover"].forEach(function (ev) {
      zone.addEventListener(ev, function (e) { e.preventDefault(); zone.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (ev) {
      zone.addEventListener(ev, function (e) { e.preventDefault(); zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (e) {
      if (e.dataTransfer && e.dataTransfer.files.length) {
        input.files = e.dataTransfer.files;
        input.dispatchEvent(new Event("change"));
      }
    });
  });

  // Long actions: the button says so and cannot be pressed twice.
  // (Disabled once the form's data is taken: a button disabled in the
  // submit event would leave out its own name and value, 保存并去生成's next.)
  document.querySelectorAll("form[data-busy]").forEach(function (form) {
    form.addEventListener("submit", function () {
      setTimeout(function () {
        form.querySelectorAll("button[type=submit]").forEach(function (b) {
          b.disabled = true;
          b.textContent = form.getAttribute("data-busy");
        });
      }, 0);
    });
  });
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      if (!window.confirm(form.getAttribute("data-confirm"))) { e.preventDefault(); }
    });
  });

  // The source editor: jump to a line, check as the clerk types.
  var editor = document.getElementById("editor");
  if (editor) {
    var jump = function (line) {
      var lines = editor.value.split("\n");
      if (line < 1 || line > lines.length) { return; }
      var start = 0;
      for (var i = 0; i < line - 1; i++) { start += lines[i].length + 1; }
      editor.focus();
      editor.setSelectionRange(start, start + lines[line - 1].length);
      var lh = parseFloat(getComputedStyle(editor).lineHeight) || 19;
      editor.scrollTop = Math.max(0, (line - 4) * lh);
    };
    // The lines around a finding, shown for a browser without script: the
    // editor itself now shows and selects them.
    document.querySelectorAll(".excerpt").forEach(function (e) { e.hidden = true; });
    var first = parseInt(editor.getAttribute("data-line"), 10);
    if (first > 0) { jump(first); }
    document.addEventListener("click", function (e) {
      var a = e.target.closest ? e.target.closest("a[data-line]") : null;
      if (a && a.getAttribute("href").indexOf("/yaml?") >= 0) {
        e.preventDefault();
        jump(parseInt(a.getAttribute("data-line"), 10));
      }
    });
    var status = document.getElementById("live-status");
    var dirty = false, timer = null, seq = 0;
    var show = function (data) {
      var body = document.getElementById("findings");
      if (!body) { return; }
      body.textContent = "";
      if (!data.findings.length) {
        var tr = document.createElement("tr");
        tr.className = "none";
        var td = document.createElement("td");
        td.textContent = "没有发现问题。";
        tr.appendChild(td);
        body.appendChild(tr);
        return;
      }
      data.findings.forEach(function (f) {
        var tr = document.createElement("tr");
        tr.className = f.error ? "error" : (f.incomplete ? "incomplete" : "warning");
        var cell = function (text, cls) {
          var td = document.createElement("td");
          if (cls) { td.className = cls; }
          td.textContent = text || "";
          tr.appendChild(td);
          return td;
        };
        var sev = document.createElement("span");
        sev.className = "sev";
        sev.textContent = f.severity;
        cell("").appendChild(sev);
        var id = cell("", "id");
        var code = document.createElement("code");
        code.textContent = f.id;
        id.appendChild(code);
        cell(f.message);
        var figs = cell("", "figures");
        [f.left, f.right, f.difference ? "相差 " + f.difference : ""].forEach(function (t) {
          if (t) { var d = document.createElement("div"); d.textContent = t; figs.appendChild(d); }
        });
        var where = cell("", "where");
        if (f.link) {
          var a = document.createElement("a");
          a.href = f.link;
          a.textContent = f.label ? "去填写“" + f.label + "”" : f.place;
          if (f.line) { a.setAttribute("data-line", f.line); }
          where.appendChild(a);
        } else {
          where.textContent = f.place || "";
        }
        body.appendChild(tr);
      });
    };
    var check = function () {
      var mine = ++seq;
      status.textContent = "正在核对…";
      fetch(editor.getAttribute("data-check"), {
        method: "POST", body: editor.value, credentials: "same-origin",
        headers: { "X-CSRF-Token": csrf, "Content-Type": "text/plain; charset=utf-8", "Accept": "application/json" }
      }).then(function (r) { return r.json(); }).then(function (data) {
        if (mine !== seq) { return; }
        if (data.error) { status.textContent = data.error; return; }
        show(data);
        status.textContent = (dirty ? "（未保存）" : "") + data.status + "：" + data.errors + " 个错误，" +
          (data.incomplete ? data.incomplete + " 处需补填，" : "") + data.warnings + " 个警告";
      }).catch(function () { status.textContent = "无法连接工作台：程序是否已退出？"; });
    };
    editor.addEventListener("input", function () {
      dirty = true;
      clearTimeout(timer);
      timer = setTimeout(check, 700);
    });
    editor.form.addEventListener("submit", function () { dirty = false; });
    window.addEventListener("beforeunload", function (e) {
      if (dirty) { e.preventDefault(); e.returnValue = ""; }
    });
  }

  // The 填写 form: nothing typed is lost. A change not yet saved makes the
  // browser ask before the page is left; a tab of the workspace asks to
  // save first and goes there after saving (the form's "next"); 去生成 is a
  // button of the form, so it saves first without script too. A form shown
  // again after a refusal holds what was typed and is unsaved from the start.
  var fill = document.querySelector("form.fill");
  if (fill) {
    var unsaved = fill.getAttribute("data-unsaved") === "1";
    var mark = function () { unsaved = true; };
    fill.addEventListener("input", mark);
    fill.addEventListener("change", mark);
    fill.addEventListener("submit", function () { unsaved = false; });
    window.addEventListener("beforeunload", function (e) {
      if (unsaved) { e.preventDefault(); e.returnValue = ""; }
    });
    document.querySelectorAll("nav.tabs a[data-next]").forEach(function (a) {
      a.addEventListener("click", function (e) {
        if (!unsaved) { return; }
        e.preventDefault();
        var to = a.textContent.replace(/^\s*\d+\s*/, "");
        if (!window.confirm("本页填写的内容还没有保存。\n点“确定”保存并核对后前往“" + to + "”；点“取消”留在本页。")) { return; }
        var next = fill.querySelector("input[name=next]");
        next.value = a.getAttribute("data-next");
        fill.requestSubmit();
      });
    });
  }

  // Sortable tables: a click on a heading sorts by that column.
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, col) {
      th.addEventListener("click", function () {
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var asc = !th.classList.contains("sorted-asc");
        heads.forEach(function (h) { h.classList.remove("sorted-asc", "sorted-desc"); });
        th.classList.add(asc ? "sorted-asc" : "sorted-desc");
        // A number, or an amount as the review shows it (1,234.56万元),
        // sorts by its value; anything else by its text (after the numbers
        // when going up).
        var key = function (tr) {
          var t = (tr.cells[col] ? tr.cells[col].textContent : "").trim();
          var m = /^(-?[\d,]+(?:\.\d+)?)\s*(?:万元|元)?$/.exec(t);
          return m ? parseFloat(m[1].replace(/,/g, "")) : t;
        };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b), c;
          if (typeof x === "number" && typeof y === "number") { c = x - y; }
          else if (typeof x === "number") { c = -1; }
          else if (typeof y === "number") { c = 1; }
          else { c = x.localeCompare(y, "zh-CN"); }
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();
