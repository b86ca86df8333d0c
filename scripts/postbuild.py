#!/usr/bin/env python3
"""Trunk post_build hook (see Trunk.toml): finishes the build in $TRUNK_STAGING_DIR.

1. Content-Security-Policy: Trunk writes the wasm loader as an inline <script type="module">, which
   `script-src 'self'` alone would block. Every inline script of every HTML file that carries the
   placeholder '__LOUPE_INLINE_SCRIPT_HASHES__' in its CSP <meta> gets its exact SHA-256 listed
   there instead ('sha256-…'), so only these scripts may run.
2. Engine: writes the hashed file names of the engine program (`loupe-engine-<hash>.js` and its
   `_bg.wasm`, Trunk's `data-type="worker"` output, which Trunk puts in no page) into boot.js.
3. Service worker (release builds): fills sw.js's placeholders with the exact list of this build's files (hashed
   names included; everything but sw.js itself, plus "./") and a version that is a hash of all of
   them, so every build gets a new worker and a new cache.

Python 3 standard library only (no network). Usable by hand: scripts/postbuild.py DIST_DIR.
"""
import base64
import hashlib
import json
import os
import re
import sys

CSP_PLACEHOLDER = "'__LOUPE_INLINE_SCRIPT_HASHES__'"
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script\s*>", re.S | re.I)


DEV_SW = """// Development build (trunk serve): no offline cache. Removes Loupe's caches and unregisters.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("loupe-")).map((k) => caches.delete(k))))
      .then(() => self.registration.unregister())
  );
});
"""


def fail(msg):
    print(f"[postbuild] error: {msg}", file=sys.stderr)
    sys.exit(1)


def csp_hashes(html):
    return [
        "'sha256-%s'" % base64.b64encode(hashlib.sha256(m.group(1).encode("utf-8")).digest()).decode()
        for m in INLINE_SCRIPT.finditer(html)
    ]


def main():
    staging = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TRUNK_STAGING_DIR")
    if not staging or not os.path.isdir(staging):
        fail("no staging directory (TRUNK_STAGING_DIR or first argument)")

    files = sorted(
        os.path.relpath(os.path.join(d, f), staging).replace(os.sep, "/")
        for d, _, names in os.walk(staging)
        for f in names
    )

    # 1. CSP hashes of the inline scripts.
    hashed = 0
    for name in files:
        if not name.endswith(".html"):
            continue
        path = os.path.join(staging, name)
        with open(path, encoding="utf-8") as f:
            html = f.read()
        if CSP_PLACEHOLDER not in html:
            if name == "index.html":
                fail("index.html has no CSP placeholder " + CSP_PLACEHOLDER)
            continue
        if os.environ.get("TRUNK_PROFILE") == "debug":
            # `trunk serve` injects its live-reload script while serving, after this hook: a
            # development build allows inline scripts instead (release builds never do).
            hashes = ["'unsafe-inline'"]
        else:
            hashes = csp_hashes(html)
        html = html.replace(CSP_PLACEHOLDER, " ".join(hashes))
        with open(path, "w", encoding="utf-8") as f:
            f.write(html)
        hashed += len(hashes)
        print(f"[postbuild] {name}: CSP allows inline scripts {' '.join(hashes)}")

    # 2. The engine program: Trunk names a `data-type="worker"` program after its binary, without
    # a content hash (loupe-engine.js, loupe-engine_bg.wasm). Give both a hash of their content,
    # like every other program file (immutable names: the service worker and HTTP caches keep
    # them), then write the names into boot.js, which starts the engine.
    engine = {}
    for suffix in (".js", "_bg.wasm"):
        plain = os.path.join(staging, "loupe-engine" + suffix)
        if not os.path.exists(plain):
            fail(f"no loupe-engine{suffix} in the build (index.html must build the engine program)")
        with open(plain, "rb") as f:
            h = hashlib.sha256(f.read()).hexdigest()[:16]
        engine[suffix] = f"loupe-engine-{h}{suffix}"
        os.replace(plain, os.path.join(staging, engine[suffix]))
    renamed = {"loupe-engine.js": engine[".js"], "loupe-engine_bg.wasm": engine["_bg.wasm"]}
    files = sorted(renamed.get(x, x) for x in files)
    engine_js, engine_wasm = [engine[".js"]], [engine["_bg.wasm"]]
    boot_path = os.path.join(staging, "boot.js")
    if not os.path.exists(boot_path):
        fail("no boot.js in the build (index.html must copy www/boot.js)")
    with open(boot_path, encoding="utf-8") as f:
        boot = f.read()
    if "__LOUPE_ENGINE_JS__" not in boot or "__LOUPE_ENGINE_WASM__" not in boot:
        fail("boot.js lacks its placeholders")
    boot = boot.replace("__LOUPE_ENGINE_JS__", "./" + engine_js[0]).replace(
        "__LOUPE_ENGINE_WASM__", "./" + engine_wasm[0]
    )
    with open(boot_path, "w", encoding="utf-8") as f:
        f.write(boot)
    print(f"[postbuild] boot.js: engine {engine_js[0]}, {engine_wasm[0]}")

    # 3. Service worker precache list and version (after steps 1 and 2: files are final).
    sw_path = os.path.join(staging, "sw.js")
    if not os.path.exists(sw_path):
        fail("no sw.js in the build (index.html must copy www/sw.js)")
    precache = [f for f in files if f != "sw.js"]
    digest = hashlib.sha256()
    for name in precache:
        digest.update(name.encode() + b"\0")
        with open(os.path.join(staging, name), "rb") as f:
            digest.update(f.read())
        digest.update(b"\0")
    version = digest.hexdigest()[:16]
    with open(sw_path, encoding="utf-8") as f:
        sw = f.read()
    if '"__LOUPE_VERSION__"' not in sw or "__LOUPE_PRECACHE__" not in sw:
        fail("sw.js lacks its placeholders")
    if os.environ.get("TRUNK_PROFILE") == "debug":
        # Development (`trunk serve`): no offline cache, so each rebuild shows at once; a worker
        # left by an earlier release build on the same address is removed.
        with open(sw_path, "w", encoding="utf-8") as f:
            f.write(DEV_SW)
        print("[postbuild] sw.js: development build, offline cache disabled")
        return
    urls = ["./"] + ["./" + f for f in precache]
    sw = sw.replace('"__LOUPE_VERSION__"', json.dumps(version)).replace(
        "__LOUPE_PRECACHE__", json.dumps(urls, indent=2)
    )
    with open(sw_path, "w", encoding="utf-8") as f:
        f.write(sw)
    print(f"[postbuild] sw.js: version {version}, {len(urls)} URLs precached ({hashed} CSP hash(es))")


if __name__ == "__main__":
    main()
