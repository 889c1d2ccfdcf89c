/*
 * komunikat: the site's one Pyodide runtime, started once per visit.
 *
 * The composer on template pages (composer.js) and other scripts of the site
 * (e.g. the escalation panel on supplier pages) use the real komunikat
 * renderer running in the browser through Pyodide. Starting it costs seconds
 * (about 14 MB of files, ~10 MB of WebAssembly to compile), so:
 *
 * - it is started from the page's head (hooks/theme/main.html), on a page
 *   that needs it at once, so Pyodide starts while the page is still read;
 * - it is started once per visit: Material's instant navigation
 *   (navigation.instant) swaps pages in without reloading this script, so the
 *   runtime started on one page serves every later page;
 * - its files are kept by a service worker (composer-sw.js at the site's
 *   root, hooks/composer.py) in a cache versioned by their content, so a
 *   reload or a later visit does not download them again;
 * - it is warmed up in the background on every page of the site, when the
 *   browser is idle after the page has loaded (never with Save-Data or on a
 *   2G connection), so that the first template page opened is ready at once.
 *
 * API for the site's scripts: window.komunikat = {loadCatalog, loadRuntime,
 * loadPyodide}. window.komunikatRuntimeStarts counts the starts (tests),
 * window.komunikatComposerLoadMs is the last start's duration (its steps are
 * performance marks "komunikat:start", …:worker, …:fetched, …:pyodide,
 * …:imported, …:ready, read by ./dev bench), and
 * <html data-komunikat-warm-up> says what the warm-up did
 * (page: a composer on the page started it at once; scheduled / started /
 * ready / failed; skipped-save-data / skipped-slow).
 */
(function () {
  "use strict";

  const SCRIPT_URL = document.currentScript
    ? document.currentScript.src
    : new URL("assets/runtime.js", document.baseURI).href;
  const ASSETS = new URL("composer/", SCRIPT_URL);
  const SITE = new URL("../", SCRIPT_URL);
  const SERVICE_WORKER = new URL("composer-sw.js", SITE);
  const PYTHON_DIR = "/opt/komunikat";
  /** How long a later visit waits for a new build's service worker before loading without it. */
  const WORKER_WAIT_MS = 3000;
  /** What asks composer-sw.js to store the runtime's files (hooks/composer/service-worker.js). */
  const STORE_MESSAGE = "komunikat-store-runtime";

  let catalogPromise = null;
  let runtimePromise = null;
  let workerPromise = null;
  let pyodideInstance = null;
  /** The browser offers a service worker to this page (see serviceWorker). */
  let workerUsed = false;
  window.komunikatRuntimeStarts = 0;

  async function fetchOk(name) {
    const response = await fetch(new URL(name, ASSETS), { cache: "no-cache" });
    if (!response.ok) {
      throw new Error(`${name}: HTTP ${response.status}`);
    }
    return response;
  }

  /** catalog.json: the forms for JavaScript, the same text for Python. */
  function loadCatalog() {
    if (catalogPromise === null) {
      catalogPromise = fetchOk("catalog.json")
        .then((response) => response.text())
        .then((text) => ({ text, data: JSON.parse(text) }));
      catalogPromise.catch(() => {
        catalogPromise = null;
      });
    }
    return catalogPromise;
  }

  /** Pyodide with komunikat imported; started once per visit. */
  function loadRuntime() {
    if (runtimePromise === null) {
      runtimePromise = startRuntime();
      runtimePromise.catch(() => {
        runtimePromise = null;
      });
    }
    return runtimePromise;
  }

  /*
   * The service worker, when the browser offers one (secure contexts only:
   * https or localhost; a plain-HTTP intranet gets the browser's HTTP cache
   * alone). On a first visit (no worker controls the page yet) the runtime
   * does not wait for it: it is registered beside the start, and once the
   * runtime is ready it is asked to store the files the page has just
   * downloaded (storeRuntime; the browser's HTTP cache still holds them). On
   * a later visit the runtime waits for the newest worker (a small check of
   * composer-sw.js), so a new build's files are not taken from the old cache;
   * or for WORKER_WAIT_MS at most: the runtime never waits on it for long.
   */
  function serviceWorker() {
    if (workerPromise !== null) return workerPromise;
    const container = navigator.serviceWorker;
    if (!container || !window.isSecureContext) {
      workerPromise = Promise.resolve(null);
      return workerPromise;
    }
    workerUsed = true;
    const registering = container.register(SERVICE_WORKER.href, { scope: SITE.pathname });
    if (!container.controller) {
      registering.catch((error) => {
        console.warn("komunikat: bez pamięci podręcznej kompozytora:", error);
      });
      workerPromise = Promise.resolve(null);
      return workerPromise;
    }
    workerPromise = registering
      .then(async (registration) => {
        // a new build may have other runtime files: ask before the old worker serves its cache
        await registration.update().catch(() => null); // offline: the cached runtime is fine
        const updating = registration.installing || registration.waiting;
        if (!updating) return registration;
        return new Promise((resolve) => {
          const done = () => resolve(registration);
          container.addEventListener("controllerchange", done, { once: true });
          setTimeout(done, WORKER_WAIT_MS);
        });
      })
      .catch((error) => {
        console.warn("komunikat: bez pamięci podręcznej kompozytora:", error);
        return null;
      });
    return workerPromise;
  }

  /*
   * After a start: the worker keeps the runtime's files for the next visit. On
   * a first visit it has seen none of them; on a later one it only checks its
   * cache, unless a new build's worker took over too late to see this start's
   * downloads (WORKER_WAIT_MS), in which case it stores them now.
   */
  function storeRuntime() {
    if (!workerUsed) return;
    navigator.serviceWorker.ready
      .then((registration) => registration.active.postMessage({ type: STORE_MESSAGE }))
      .catch((error) => console.warn("komunikat: bez pamięci podręcznej kompozytora:", error));
  }

  /*
   * Python runs on the page's thread: between the long steps of a start the
   * page gets its turn, so a reader typing in the search box (the warm-up
   * runs while procedures are read) is not held up for the whole start.
   */
  function breathe() {
    return new Promise((resolve) => setTimeout(resolve, 0));
  }

  async function startRuntime() {
    window.komunikatRuntimeStarts += 1;
    const started = performance.now();
    performance.mark("komunikat:start");
    await serviceWorker();
    performance.mark("komunikat:worker");
    const runtimeURL = new URL("pyodide/", ASSETS);
    const [module, catalog, zip] = await Promise.all([
      import(new URL("pyodide.mjs", runtimeURL).href),
      loadCatalog(),
      fetchOk("python.zip").then((response) => response.arrayBuffer()),
    ]);
    performance.mark("komunikat:fetched");
    const pyodide = await module.loadPyodide({ indexURL: runtimeURL.href });
    pyodideInstance = pyodide;
    performance.mark("komunikat:pyodide");
    await breathe();
    pyodide.unpackArchive(zip, "zip", { extractDir: PYTHON_DIR });
    // komunikat.precompiled: the standard library's byte code the build made in this
    // Pyodide (python.zip's _stdlib/), used only when its magic number is this Python's
    pyodide.runPython(
      `import sys\nif ${JSON.stringify(PYTHON_DIR)} not in sys.path:\n` +
        `    sys.path.insert(0, ${JSON.stringify(PYTHON_DIR)})\n` +
        `from komunikat import precompiled\nprecompiled.install(${JSON.stringify(PYTHON_DIR)})\n` +
        "import jinja2.sandbox",
    );
    await breathe();
    const composer = pyodide.pyimport("komunikat.composer");
    performance.mark("komunikat:imported");
    composer.load(catalog.text);
    performance.mark("komunikat:ready");
    window.komunikatComposerLoadMs = Math.round(performance.now() - started);
    storeRuntime();
    return composer;
  }

  /* --- warm-up ------------------------------------------------------------- */

  function warmUpState(state) {
    document.documentElement.dataset.komunikatWarmUp = state;
  }

  /** Why the runtime must not be started in the background, or null. */
  function warmUpRefused() {
    const connection = navigator.connection;
    if (connection && connection.saveData) return "skipped-save-data";
    if (connection && /(^|-)2g$/.test(connection.effectiveType || "")) return "skipped-slow";
    return null;
  }

  function warmUp() {
    // runtime.js runs in the head (hooks/theme/main.html), before the body exists:
    // the page says in a meta tag that it has a composer or an escalation panel
    if (document.querySelector('meta[name="komunikat-runtime"][content="now"]')) {
      // a template page needs it now: no waiting for the catalogue or for idle time
      warmUpState("page");
      loadRuntime();
      return;
    }
    const refused = warmUpRefused();
    if (refused !== null) {
      warmUpState(refused);
      return;
    }
    const start = () => {
      if (runtimePromise !== null) return; // a page asked for it first
      warmUpState("started");
      loadRuntime().then(
        () => warmUpState("ready"),
        (error) => {
          warmUpState("failed");
          console.warn("komunikat: rozgrzewanie kompozytora nie powiodło się:", error);
        },
      );
    };
    const whenIdle = () => {
      warmUpState("scheduled");
      if (typeof window.requestIdleCallback === "function") {
        window.requestIdleCallback(start, { timeout: 10000 });
      } else {
        setTimeout(start, 1000);
      }
    };
    if (document.readyState === "complete") whenIdle();
    else window.addEventListener("load", whenIdle, { once: true });
  }

  /** An element with properties and children, built as text only: nothing is parsed as HTML. */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.includes("-") || key === "for" || key === "role") node.setAttribute(key, value);
      else node[key] = value;
    }
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  /*
   * The one runtime, for the site's scripts (the composer, the escalation
   * panel on supplier pages): they start or reuse it and import their own
   * module of the shipped komunikat package (pyodide.pyimport("komunikat.…"));
   * `el`, the text-only DOM helper they all build their part of the page with.
   */
  window.komunikat = Object.assign(window.komunikat || {}, {
    loadCatalog,
    loadRuntime,
    loadPyodide: () => loadRuntime().then(() => pyodideInstance),
    el,
  });

  warmUp();
})();
