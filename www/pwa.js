// Loupe — service-worker registration and the « new version ready » notice.
// A static same-origin script (allowed by the Content-Security-Policy's script-src 'self'); the
// app itself is the wasm module. Runs in the page and in embed mode alike.
(() => {
  "use strict";
  // No service-worker API in opaque or insecure contexts (sandboxed frames, plain http on a
  // non-loopback host): the app still works, only without offline support.
  let container;
  try {
    container = navigator.serviceWorker;
  } catch {
    return;
  }
  if (!container) return;

  const TEXT = {
    fr: { message: "Une nouvelle version de Loupe est prête.", reload: "Recharger", later: "Plus tard" },
    en: { message: "A new version of Loupe is ready.", reload: "Reload", later: "Later" },
  };
  const lang = () => ((document.documentElement.lang || "fr").toLowerCase().startsWith("en") ? "en" : "fr");

  let banner = null;
  let waiting = null;
  let reloading = false;

  function render() {
    if (!banner) return;
    const t = TEXT[lang()];
    banner.lang = lang();
    banner.querySelector(".update-message").textContent = t.message;
    banner.querySelector(".update-reload").textContent = t.reload;
    banner.querySelector(".update-later").textContent = t.later;
  }

  function show(worker) {
    waiting = worker;
    if (banner) return;
    banner = document.createElement("div");
    banner.id = "update-banner";
    banner.className = "update-banner";
    banner.setAttribute("role", "status");
    const message = document.createElement("span");
    message.className = "update-message";
    const reload = document.createElement("button");
    reload.type = "button";
    reload.className = "update-reload primary";
    reload.addEventListener("click", () => {
      reloading = true;
      waiting?.postMessage({ type: "SKIP_WAITING" });
      // Should the new worker never take over, reload anyway.
      setTimeout(() => location.reload(), 3000);
    });
    const later = document.createElement("button");
    later.type = "button";
    later.className = "update-later";
    later.addEventListener("click", () => {
      banner.remove();
      banner = null;
    });
    banner.append(message, " ", reload, " ", later);
    document.body.append(banner);
    render();
  }

  // Follow the app's language switch (it updates <html lang>).
  new MutationObserver(render).observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });

  container.addEventListener("controllerchange", () => {
    if (reloading) location.reload();
  });

  function register() {
    container
      .register("./sw.js", { scope: "./" })
      .then((reg) => {
        // A new version that was already waiting (installed during an earlier visit).
        if (reg.waiting && container.controller) show(reg.waiting);
        reg.addEventListener("updatefound", () => {
          const worker = reg.installing;
          worker?.addEventListener("statechange", () => {
            // Only an *update* waits: the very first install has no controller to replace.
            if (worker.state === "installed" && container.controller) show(worker);
          });
        });
      })
      .catch((e) => console.warn("[loupe] service worker not registered:", e));
  }
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
})();
