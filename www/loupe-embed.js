/*! Loupe embed helper (optional) — protocol loupe-embed/1. MIT. No dependency, no network.
 *
 * Every <iframe data-loupe> of the page is resized to the widget's content height. For scripting:
 *
 *   const widget = Loupe.widget(document.querySelector('iframe[data-loupe]'));
 *   const info = await widget.ready;                 // the widget's `ready` message
 *   const analysis = await widget.analyze(text, { layers: ['entities', 'quotes'], lang: 'fr' });
 *   await widget.configure({ lang: 'en' });
 *   iframe.addEventListener('loupe:message', (e) => console.log(e.detail)); // every message
 *
 * analyze() resolves with the `loupe.analysis/1` object and rejects with an Error whose `reason`
 * is the widget's rejection code (too-large, bad-options, …). Messages are posted to the
 * iframe's origin only, and only messages from that iframe and origin are read.
 */
(() => {
  "use strict";
  const PROTOCOL = "loupe-embed/1";
  const widgets = new Map(); // iframe → widget

  class Widget {
    constructor(iframe) {
      this.iframe = iframe;
      this.origin = new URL(iframe.src, location.href).origin;
      this.info = null;
      this.pending = new Map();
      this.nextId = 1;
      this.ready = new Promise((resolve) => (this._resolveReady = resolve));
      // The widget announces `ready` once loaded; ping it too, in case that came before this
      // script listened (the widget ignores pings until it runs).
      let tries = 0;
      const ping = () => {
        if (this.info || tries++ > 60) return;
        this.post({ type: "ping" });
        setTimeout(ping, 250);
      };
      iframe.addEventListener("load", ping);
      ping();
    }

    post(message) {
      this.iframe.contentWindow?.postMessage({ protocol: PROTOCOL, ...message }, this.origin);
    }

    request(type, fields) {
      const id = `loupe-${this.nextId++}`;
      return this.ready.then(
        () =>
          new Promise((resolve, reject) => {
            this.pending.set(id, { resolve, reject });
            this.post({ type, id, ...fields });
          })
      );
    }

    /** Analyses `text`; resolves with the loupe.analysis/1 object. */
    analyze(text, options) {
      return this.request("analyze", { text, options }).then((m) => m.result);
    }

    /** Sets layers and/or lang; resolves with the options in force. */
    configure(options) {
      return this.request("configure", { options }).then((m) => m.options);
    }

    receive(m) {
      if (m.type === "ready") {
        this.info = m;
        this._resolveReady(m);
      } else if (m.type === "height" && Number.isFinite(m.height) && m.height > 0) {
        this.iframe.height = String(Math.ceil(m.height));
      } else if (m.id != null && this.pending.has(m.id)) {
        const { resolve, reject } = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.type === "error") {
          const e = new Error(`Loupe: ${m.reason}: ${m.message}`);
          e.reason = m.reason;
          reject(e);
        } else {
          resolve(m);
        }
      }
      this.iframe.dispatchEvent(new CustomEvent("loupe:message", { detail: m }));
    }
  }

  window.addEventListener("message", (event) => {
    const m = event.data;
    if (!m || typeof m !== "object" || m.protocol !== PROTOCOL) return;
    for (const w of widgets.values()) {
      if (w.iframe.contentWindow === event.source && w.origin === event.origin) {
        w.receive(m);
        return;
      }
    }
  });

  function widget(iframe) {
    if (!widgets.has(iframe)) widgets.set(iframe, new Widget(iframe));
    return widgets.get(iframe);
  }

  function scan() {
    document.querySelectorAll("iframe[data-loupe]").forEach(widget);
  }

  window.Loupe = { PROTOCOL, widget, scan };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  else scan();
})();
