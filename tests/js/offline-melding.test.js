/* offline-melding.js (the hosted edition's service worker and its "new version" bar) run in a vm context with a
   stand-in page, as it runs in a browser after load: the worker's registration in its three shapes. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const SOURCE = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "assets", "javascripts", "offline-melding.js"), "utf8");

/** An element with what the script touches. */
function element(tag) {
  return {
    tagName: tag, children: [], style: {}, attributes: {}, listeners: {},
    appendChild(child) { this.children.push(child); return child; },
    setAttribute(name, value) { this.attributes[name] = value; },
    addEventListener(type, listener) { this.listeners[type] = listener; },
  };
}

/** Run the script on a page at `address` whose worker registration answers with `registration`; return what
 *  it did: the elements it added, the listeners on the registration, and an error the answer's handler threw. */
function run(registration, { controller = null, address = "https://leidraad.example/aanbevelingen/x.html",
                             source = SOURCE } = {}) {
  const head = element("head"), body = element("body");
  const seen = { thrown: null, registered: null };
  const answer = {   // a promise that answers at once, so that what the handler does is seen synchronously
    then(fulfilled) {
      try { fulfilled(registration); } catch (error) { seen.thrown = error; }
      return { catch() {} };
    },
  };
  const context = vm.createContext({
    location: { protocol: new URL(address).protocol, href: address, reload() {} },
    navigator: { serviceWorker: { controller, addEventListener() {},
                                  register(url, options) { seen.registered = [url, options]; return answer; } } },
    document: {
      currentScript: { src: "https://leidraad.example/assets/javascripts/offline-melding.min.js" },
      createElement: element, createTextNode: (text) => ({ text }), head, body,
      documentElement: { getAttribute: () => "nl" }, getElementById: () => null, addEventListener() {},
      visibilityState: "visible",
    },
    WOORDEN: { nl: { nieuwe_versie: "Nieuwe versie.", vernieuwen: "Vernieuwen", vernieuwen_uitleg: "" } },
    Date,
  });
  vm.runInContext(source, context, { filename: "offline-melding.js" });
  return { seen, head, body };
}

test("a browser that stubs the worker out (no registration object) breaks nothing", () => {
  const { seen, head } = run(undefined);
  assert.equal(seen.thrown, null, seen.thrown && seen.thrown.message);
  // the options object comes from the script's realm: compared as JSON
  assert.equal(JSON.stringify(seen.registered), JSON.stringify(["https://leidraad.example/offline-werker.js",
                                                                { scope: "https://leidraad.example/" }]));
  assert.deepEqual(head.children.map((link) => link.rel), ["manifest", "apple-touch-icon"]);
});

test("a registration is watched for a new version, and one already waiting is announced", () => {
  const listeners = {};
  const registration = { waiting: { postMessage() {} }, installing: null, update: () => ({ catch() {} }),
                         addEventListener(type, listener) { listeners[type] = listener; } };
  const { seen, body } = run(registration, { controller: {} });
  assert.equal(seen.thrown, null, seen.thrown && seen.thrown.message);
  assert.equal(typeof listeners.updatefound, "function");
  assert.equal(body.children.length, 1, "the bar that says a new version is there");
  assert.equal(body.children[0].attributes.role, "status");
});

test("twin: the guard is what keeps the stubbed-out worker harmless", () => {
  const unguarded = SOURCE.replace(/\n\s*if \(!registration\) return;[^\n]*/, "");
  assert.notEqual(unguarded, SOURCE, "the guard is where this test expects it");
  assert.match(String(run(undefined, { source: unguarded }).seen.thrown), /waiting/);
});
