/* The hosted edition (HOSTING.md): over http(s), once the page has loaded, offline-melding.js links the web app
 * manifest, registers the service worker and announces a new version. From file:// nothing happens at all.
 * This loader is on nearly every page (hooks/hosting.py), so it is kept as small as it can be. */
/^http/.test(location.protocol) && navigator.serviceWorker && (function (src) {
  addEventListener("load", function () {
    var script = document.createElement("script");
    script.src = src.replace("offline.", "offline-melding.");
    document.head.appendChild(script);
  });
}(document.currentScript.src));
