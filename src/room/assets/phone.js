"use strict";
// The participant page: joins with the code, follows the card by server-sent events, votes.
// Everything from the server is set as text (textContent), never as HTML.
(function () {
  const $ = (id) => document.getElementById(id);
  const words = document.body.dataset;
  const sections = ["join", "wait", "card", "done"];
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
