// zine serve's page: plain JavaScript, no library, nothing loaded from elsewhere (issue 23).
// It reads /state.json after each build (announced on /events), shows the pages as pictures whose
// URLs name their content (only what changed is fetched again), the errors with their file and
// line, the print facts, and edits the parts. Every write carries the session's token in a header.
"use strict";

const token = document.querySelector('meta[name="zine-token"]').content;
let state = { pages: {}, words: {}, parts: [] };
let view = "reading";
let opened = null; // { name, sha } of the part in the textarea
let seen = null; // the number of the last snapshot announced on /events
let savedBefore = null; // the build number at the last save, until a build after it is shown

function el(tag, props, children) {
  const node = document.createElement(tag);
  Object.assign(node, props || {});
  for (const child of children || []) node.append(child);
  return node;
}

function word(key) { return (state.words || {})[key] || key; }

function picture(url, caption, text) {
  const figure = el("figure", {}, [el("img", { src: url, alt: caption, loading: "lazy", decoding: "async" })]);
  if (caption) figure.append(el("figcaption", { textContent: caption }));
  if (typeof text === "string") figure.append(el("span", { className: "sr-only page-text", textContent: text }));
  return figure;
}

function blank() { return el("figure", {}, [el("span", { className: "blank" }), el("figcaption", { textContent: word("blank") })]); }

function spreads(items) {
  // The cover alone, then two pages side by side; dir="rtl" on <html> lays them right to left.
  const groups = [items.slice(0, 1)];
  for (let i = 1; i < items.length; i += 2) groups.push(items.slice(i, i + 2));
  return groups.map((group) => el("div", { className: "spread" }, group));
}

function readingPages(withText) {
  const texts = (state.texts || {}).reading || [];
  return (state.pages.reading || []).map((url, i) => picture(url, `${word("page")} ${i + 1}`, withText ? texts[i] || "" : undefined));
}

function folded() {
  // The booklet in reading order once stapled: the reading pages, with the blanks the imposition added.
  const pages = readingPages(false);
  const blanks = new Set((state.print || {}).blanks || []);
  const total = pages.length + blanks.size;
  const items = [];
  for (let position = 1, next = 0; position <= total; position++) {
    items.push(blanks.has(position) ? blank() : pages[next++]);
  }
  return spreads(items);
}

function booklet() {
  return (state.pages.booklet || []).map((url, i) => picture(url,
    `${word("sheet")} ${Math.floor(i / 2) + 1}, ${i % 2 ? word("back") : word("front")}`));
}

const VIEWS = {
  reading: () => readingPages(true),
  spreads: () => spreads(readingPages(false)),
  booklet, folded,
  minizine: () => (state.pages.minizine || []).map((url) => picture(url, "")),
  letters: () => (state.pages.letters || []).map((url, i) => picture(url, `${word("letters")} ${i + 1}`)),
};

function showView() {
  const target = document.getElementById("view");
  target.className = "view" + (view === "booklet" || view === "minizine" ? " wide" : "");
  target.replaceChildren(...VIEWS[view]());
  for (const button of document.querySelectorAll("#views button")) {
    button.setAttribute("aria-pressed", String(button.dataset.view === view));
    button.hidden = button.dataset.view !== "reading" && !(state.pages[button.dataset.view] || [1]).length;
  }
}

function showWords() {
  for (const node of document.querySelectorAll("[data-word]")) node.textContent = word(node.dataset.word);
  if (state.lang) document.documentElement.lang = state.lang;
  if (state.direction) document.documentElement.dir = state.direction;
}

function showErrors() {
  const box = document.getElementById("errors");
  box.hidden = !(state.errors || []).length;
  box.querySelector("ul").replaceChildren(...(state.errors || []).map((error) => el("li", {}, [
    el("code", { className: "place", textContent: error.place }), error.place ? ": " : "", error.message])));
  const findings = document.getElementById("findings");
  findings.hidden = !(state.findings || []).length;
  findings.querySelector("ul").replaceChildren(...(state.findings || []).map((text) => el("li", { textContent: text })));
}

// How many blank pages the imposition added, and where in the booklet: "2 (booklet pages 6, 7)".
function blanksAt(blanks) {
  return word(blanks.length > 1 ? "blanks_at_many" : "blanks_at")
    .replace("{count}", String(blanks.length)).replace("{pages}", blanks.join(", "));
}

function showPrint() {
  const facts = state.print;
  if (!facts) return;
  const rows = [[word("print_file"), el("a", { href: facts.url, textContent: facts.file })],
    [word("edge"), facts.edge], [word(facts.two ? "sheets_two" : "sheets"), String(facts.sheets)],
    [word("blanks"), facts.blanks.length ? blanksAt(facts.blanks) : word("none")]];
  document.querySelector("#print dl").replaceChildren(...rows.flatMap(([term, value]) =>
    [el("dt", { textContent: term }), el("dd", {}, [value])]));
  const test = document.getElementById("test-sheet");
  test.hidden = !facts.test_sheet;
  Object.assign(test.querySelector("a"), { href: facts.test_sheet || "", textContent: "test-sheet.pdf" });
  document.getElementById("downloads").replaceChildren(...(state.outputs || []).map((out) =>
    el("li", {}, [el("a", { href: out.url, textContent: out.name, download: out.name })])));
}

function showParts() {
  const select = document.getElementById("part");
  const chosen = select.value;
  select.replaceChildren(...state.parts.map((name) => el("option", { value: name, textContent: name })));
  if (state.parts.includes(chosen)) select.value = chosen;
}

function showStatus() {
  const status = document.getElementById("status");
  const said = state.building || !state.build ? "building" : state.ok ? "built" : "failed";
  status.textContent = word(said).replace("{build}", state.build).replace("{seconds}", state.seconds);
  document.body.dataset.build = String(state.build || 0);
}

// One state fetched at a time, in the order asked: two builds announced close together made two
// fetches whose answers could arrive in either order, and the older state, shown last, stayed.
let loading = Promise.resolve();
function refresh() {
  loading = loading.then(load, load);
  return loading;
}

async function load() {
  const answer = await fetch("/state.json", { cache: "no-store" });
  state = await answer.json();
  state.pages = state.pages || {}; // none before a first good build
  showWords(); showErrors(); showPrint(); showParts(); showView(); showStatus(); showSaved();
}

// After a save, the build that follows says whether what was saved builds.
function showSaved() {
  if (savedBefore === null || state.building || !(state.build > savedBefore)) return;
  say(state.ok ? "saved_built" : "saved_failed", !state.ok);
  savedBefore = null;
}

async function send(path, body, headers) {
  return fetch(path, { method: "POST", body, headers: { "X-Zine-Token": token, ...headers } });
}

function say(key, refused) {
  const status = document.getElementById("edit-status");
  status.textContent = word(key);
  status.className = refused ? "refused" : "";
}

async function openPart() {
  const name = document.getElementById("part").value;
  const answer = await fetch(`/part?name=${encodeURIComponent(name)}`, { cache: "no-store" });
  if (!answer.ok) return say("refused", true);
  const part = await answer.json();
  opened = { name: part.name, sha: part.sha };
  const text = document.getElementById("text");
  text.value = part.text;
  for (const id of ["text", "save", "photo"]) document.getElementById(id).disabled = false;
  say("", false);
}

async function savePart() {
  if (!opened) return;
  const text = document.getElementById("text").value;
  const answer = await send("/part", JSON.stringify({ name: opened.name, text, sha: opened.sha }),
    { "Content-Type": "application/json" });
  if (answer.ok) {
    opened.sha = (await answer.json()).sha;
    savedBefore = state.build + (state.building ? 1 : 0); // a build under way began before the save
    return say("saved", false);
  }
  say(answer.status === 409 ? "conflict" : "refused", true);
}

async function addPhoto(file) {
  const answer = await send("/photo", file, { "X-File-Name": encodeURIComponent(file.name) });
  if (!answer.ok) return say("refused", true);
  const markdown = (await answer.json()).markdown;
  const text = document.getElementById("text");
  const at = text.selectionStart ?? text.value.length;
  text.value = `${text.value.slice(0, at)}\n\n${markdown}\n\n${text.value.slice(text.selectionEnd ?? at)}`;
  say("photo_added", false);
}

function listen() {
  const source = new EventSource("/events");
  source.addEventListener("build", (event) => {
    if (event.data !== seen) refresh();
    seen = event.data;
  });
  source.onerror = () => { document.getElementById("status").textContent = word("offline"); };
}

function wire() {
  for (const button of document.querySelectorAll("#views button")) {
    button.addEventListener("click", () => { view = button.dataset.view; showView(); });
  }
  document.getElementById("open").addEventListener("click", openPart);
  document.getElementById("save").addEventListener("click", savePart);
  document.getElementById("photo").addEventListener("change", (event) => {
    if (event.target.files.length) addPhoto(event.target.files[0]);
  });
  const text = document.getElementById("text");
  text.addEventListener("dragover", (event) => { event.preventDefault(); text.classList.add("over"); });
  text.addEventListener("dragleave", () => text.classList.remove("over"));
  text.addEventListener("drop", (event) => {
    event.preventDefault();
    text.classList.remove("over");
    const file = [...(event.dataTransfer.files || [])].find((item) => item.type.startsWith("image/") || item.name);
    if (file && opened) addPhoto(file);
  });
}

wire();
refresh();
listen();
