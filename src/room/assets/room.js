"use strict";
// The room view: the same snapshot as the projector (RoomView), by server-sent events.
// The countdown ticks here between snapshots; everything is set as text, never as HTML.
(function () {
  const $ = (id) => document.getElementById(id);
  const words = document.body.dataset;
  const code = new URLSearchParams(location.search).get("code") || "";
  let clock = null;
  let received = 0;

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function mmss(seconds) {
    const s = Math.abs(seconds);
    const h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, r = s % 60;
    const two = (n) => String(n).padStart(2, "0");
    return (seconds < 0 ? "+" : "") + (h > 0 ? h + ":" + two(m) : two(m)) + ":" + two(r);
  }

  function tick() {
    if (!clock) return;
    const running = clock.phase === "Calm" || clock.phase === "Warning" ||
      (clock.phase === "Over" && clock.running !== false);
    const gone = running ? Math.floor((Date.now() - received) / 1000) : 0;
    const left = clock.remaining - gone;
    $("clock").textContent = mmss(left);
    $("clock").className = "clock " + (left <= 0 && clock.phase !== "Ready" && clock.phase !== "Paused" ? "Over" : clock.phase);
  }

  function card(c, box) {
    box.appendChild(el("p", (c.ballot === "Revote" ? words.revote : words.first) + " · " + c.number + "/" + c.of, "block"));
    box.appendChild(el("h2", c.title));
    box.appendChild(el("p", c.situation));
    const list = el("ol");
    c.options.forEach(function (option, i) {
      let text = option;
      if (c.results) {
        text += ": " + c.results.first[i];
        if (c.results.revote) text += " → " + c.results.revote[i];
      }
      list.appendChild(el("li", text));
    });
    box.appendChild(list);
    if (!c.results) box.appendChild(el("p", c.votes_cast + " " + words.counted, "note"));
  }

  function draw(view) {
    $("offline").hidden = true;
    $("session").textContent = view.session_title;
    $("progress").textContent = view.block_number + "/" + view.block_count;
    const box = $("content");
    clear(box);
    $("next").textContent = view.next ? words.next + ": " + view.next.title + " (" + view.next.minutes + " min)" : "";
    if (view.stage.Finished) {
      $("block").textContent = words.finished;
      clock = null;
      $("clock").textContent = "";
      return;
    }
    const block = view.stage.Block;
    $("block").textContent = block.title;
    clock = block.clock;
    received = Date.now();
    tick();
    const content = block.content;
    if (content.Card) card(content.Card, box);
    if (content.Groups) {
      content.Groups.forEach(function (group) {
        box.appendChild(el("h3", words.group + " " + group.number));
        box.appendChild(el("p", group.members.join(", ")));
      });
    }
    if (content.Break) box.appendChild(el("p", words.back + " " + content.Break.back_at.slice(11, 16)));
    if (content.Round && content.Round.speaker) box.appendChild(el("h2", content.Round.speaker[0]));
    if (content.Evaluation) {
      // Only what the facilitator revealed or approved is in the view at all.
      const ev = content.Evaluation;
      let line = ev.forms + " " + words.forms;
      if (ev.grades) line += " · " + words.average + " " + ev.grades.average.toFixed(1).replace(".", document.documentElement.lang === "nl" ? "," : ".");
      box.appendChild(el("h2", line));
      if (ev.grades) {
        const bars = el("ol");
        ev.grades.distribution.forEach(function (n, i) {
          if (n > 0) bars.appendChild(el("li", (i + 1) + ": " + n));
        });
        box.appendChild(bars);
      }
      if (ev.words.length) {
        box.appendChild(el("p", ev.words.map(function (w) { return w[0] + " (" + w[1] + ")"; }).join(" · ")));
      }
      const answers = el("ul");
      ev.approved.forEach(function (a) { answers.appendChild(el("li", a.text)); });
      box.appendChild(answers);
    }
    if (content.Harvest) {
      const list = el("ul");
      content.Harvest.takeaways.forEach(function (t) { list.appendChild(el("li", t)); });
      box.appendChild(list);
    }
  }

  const events = new EventSource("/room/events?code=" + encodeURIComponent(code));
  events.onmessage = function (message) { draw(JSON.parse(message.data)); };
  events.onerror = function () { $("offline").hidden = false; };
  setInterval(tick, 1000);
})();
