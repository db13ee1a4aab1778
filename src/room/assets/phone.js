"use strict";
// The participant page: joins with the code, follows the card by server-sent events, votes.
// Everything from the server is set as text (textContent), never as HTML.
(function () {
  const $ = (id) => document.getElementById(id);
  const words = document.body.dataset;
  const sections = ["join", "wait", "card", "form", "done"];
  let events = null;
  let current = null;

  function show(id) {
    for (const s of sections) $(s).hidden = s !== id;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  async function join(code) {
    const body = new URLSearchParams({ code: code });
    const answer = await fetch("/join", { method: "POST", body: body, credentials: "same-origin" });
    if (answer.status === 204) {
      $("join-error").textContent = "";
      follow();
    } else if (answer.status === 403) {
      $("join-error").textContent = words.wrong;
      show("join");
    } else {
      $("join-error").textContent = words.busy;
      show("join");
    }
  }

  async function vote(option) {
    if (!current) return;
    const body = new URLSearchParams({ card: current.id, round: current.round, option: String(option) });
    const answer = await fetch("/vote", { method: "POST", body: body, credentials: "same-origin" });
    if (answer.status === 200) {
      current.mine = option;
      draw(current);
    } else if (answer.status === 409) {
      $("card-status").textContent = words.closed;
    } else if (answer.status === 403) {
      show("join");
    } else {
      $("card-status").textContent = words.busy;
    }
  }

  function bars(results, options) {
    const list = $("card-bars");
    clear(list);
    options.forEach(function (option, i) {
      const item = document.createElement("li");
      let text = option + ": " + results.first[i];
      if (results.revote) text += " → " + results.revote[i];
      item.textContent = text;
      list.appendChild(item);
    });
  }

  function draw(view) {
    $("offline").hidden = true;
    if (view.finished) {
      if (events) events.close();
      show("done");
      return;
    }
    if (view.evaluation) {
      $("form-block").textContent = view.block || view.session;
      drawForm(view.evaluation);
      show("form");
      return;
    }
    formShown = null;
    const card = view.card;
    current = card;
    if (!card) {
      $("wait-block").textContent = view.block || view.session;
      show("wait");
      return;
    }
    show("card");
    $("card-ballot").textContent = card.round === "revote" ? words.revote : words.first;
    $("card-title").textContent = card.title;
    $("card-situation").textContent = card.situation;
    const options = $("card-options");
    clear(options);
    card.options.forEach(function (text, i) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = card.mine === i ? "option chosen" : "option";
      button.textContent = (i + 1) + ". " + text;
      button.disabled = !card.open;
      button.addEventListener("click", function () { vote(i); });
      options.appendChild(button);
    });
    let status = "";
    if (card.mine !== null && card.mine !== undefined) {
      status = words.received + (card.open ? " — " + words.change : "");
    } else if (!card.open) {
      status = words.closed;
    }
    $("card-status").textContent = status;
    $("card-results").hidden = !card.results;
    if (card.results) bars(card.results, card.options);
  }

  // The evaluation form: grade buttons 1-10, texts with a counter, the block's own questions.
  // It is built once per block, so that an update does not wipe what is being typed.
  let formShown = null;
  let chosen = {};
  const texts = document.getElementById("form").dataset;

  function choices(name, to, mine) {
    const row = document.createElement("div");
    row.className = "grades";
    for (let i = 1; i <= to; i++) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = String(i);
      button.className = String(mine) === String(i) ? "chosen" : "";
      if (String(mine) === String(i)) chosen[name] = String(i);
      button.addEventListener("click", function () {
        chosen[name] = chosen[name] === String(i) ? "" : String(i);
        for (const other of row.children) {
          other.className = other.textContent === chosen[name] ? "chosen" : "";
        }
      });
      row.appendChild(button);
    }
    return row;
  }

  function textField(name, max, mine) {
    const area = document.createElement("textarea");
    area.name = name;
    area.maxLength = max;
    area.rows = 2;
    area.value = mine || "";
    const count = document.createElement("p");
    count.className = "count";
    const update = function () { count.textContent = area.value.length + "/" + max; };
    area.addEventListener("input", update);
    update();
    return [area, count];
  }

  function field(form, label, parts) {
    const set = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.textContent = label;
    set.appendChild(legend);
    for (const part of parts) set.appendChild(part);
    form.appendChild(set);
  }

  function drawForm(evaluation) {
    const mine = evaluation.mine;
    $("form-status").textContent = mine ? texts.received : "";
    if (formShown === evaluation.block) return;
    formShown = evaluation.block;
    chosen = {};
    const form = $("form-fields");
    clear(form);
    if (evaluation.grade) field(form, texts.grade, [choices("grade", 10, mine && mine.grade)]);
    if (evaluation.top_and_tip) {
      field(form, texts.top, textField("top", evaluation.max_chars, mine && mine.top));
      field(form, texts.tip, textField("tip", evaluation.max_chars, mine && mine.tip));
    }
    evaluation.questions.forEach(function (question, i) {
      const name = "q" + i;
      const given = mine && mine.answers[i];
      if (question.answer === "Open") {
        field(form, question.text, textField(name, evaluation.max_chars, given));
      } else {
        field(form, question.text, [choices(name, question.answer.Scale.to, given)]);
      }
    });
  }

  async function sendForm(event) {
    event.preventDefault();
    const body = new URLSearchParams({ block: String(formShown) });
    for (const name in chosen) body.set(name, chosen[name]);
    for (const area of $("form-fields").querySelectorAll("textarea")) body.set(area.name, area.value);
    const answer = await fetch("/form", { method: "POST", body: body, credentials: "same-origin" });
    if (answer.status === 204) {
      $("form-status").textContent = texts.received;
    } else if (answer.status === 409) {
      $("form-status").textContent = words.closed;
    } else if (answer.status === 403) {
      show("join");
    } else {
      $("form-status").textContent = words.busy;
    }
  }

  $("form-fields").addEventListener("submit", sendForm);

  function follow() {
    if (events) events.close();
    events = new EventSource("/events");
    events.onmessage = function (message) { draw(JSON.parse(message.data)); };
    events.onerror = async function () {
      const answer = await fetch("/state", { credentials: "same-origin" }).catch(function () { return null; });
      if (answer && answer.status === 403) {
        events.close();
        show("join");
      } else {
        $("offline").hidden = false;
      }
    };
  }

  $("join-form").addEventListener("submit", function (event) {
    event.preventDefault();
    join($("code").value);
  });

  fetch("/state", { credentials: "same-origin" }).then(function (answer) {
    if (answer.status === 200) {
      answer.json().then(draw);
      follow();
    } else {
      show("join");
    }
  }).catch(function () { $("offline").hidden = false; });
})();
