// The pathologist's viewer: Deep Zoom tiles of one item on a canvas, shapes drawn with the mouse or the keyboard, every
// change saved as a new version of the reader's read within a second, and kept in this browser (IndexedDB) until the
// server has it. Coordinates are level-0 pixels of the item as shown, (0, 0) at its top-left: the server maps them to
// the slide. Without this script the page still shows the item's picture and saves grades and comments.
"use strict";

const EMPTY = { type: "FeatureCollection", features: [] };

// ---- Shapes: the reader's drawing, as QuPath GeoJSON in and out --------------------------------------------------

function shapesFromGeoJSON(collection) {
  const shapes = [];
  for (const feature of (collection && collection.features) || []) {
    const geometry = feature.geometry || {};
    const cls = feature.properties && feature.properties.classification && feature.properties.classification.name;
    if (geometry.type === "Point") {
      shapes.push({ kind: "point", cls, pts: [geometry.coordinates.slice(0, 2)] });
    } else if (geometry.type === "Polygon" && geometry.coordinates.length) {
      const ring = geometry.coordinates[0].slice(0, -1).map((p) => p.slice(0, 2));
      if (geometry.isRectangle) {
        const xs = ring.map((p) => p[0]), ys = ring.map((p) => p[1]);
        shapes.push({ kind: "box", cls, pts: [[Math.min(...xs), Math.min(...ys)], [Math.max(...xs), Math.max(...ys)]] });
      } else {
        shapes.push({ kind: "polygon", cls, pts: ring, holes: geometry.coordinates.slice(1) });
      }
    }
  }
  return shapes;
}

function shapesToGeoJSON(shapes) {
  const features = shapes.map((shape) => {
    let geometry;
    if (shape.kind === "point") {
      geometry = { type: "Point", coordinates: shape.pts[0] };
    } else if (shape.kind === "box") {
      const [[x0, y0], [x1, y1]] = shape.pts;
      geometry = { type: "Polygon", coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]], isRectangle: true };
    } else {
      geometry = { type: "Polygon", coordinates: [shape.pts.concat([shape.pts[0]])].concat(shape.holes || []) };
    }
    const properties = { objectType: "annotation" };
    if (shape.cls) properties.classification = { name: shape.cls };
    return { type: "Feature", geometry, properties };
  });
  return { type: "FeatureCollection", features };
}

const round = (value) => Math.round(value * 100) / 100;

// ---- The queue: saves wait in IndexedDB until the server has them ------------------------------------------------

// Entries carry their reader (`owner`, opaque): a browser shared by several readers sends and restores each reader's
// saves only while that reader is signed in.
class SaveQueue {
  constructor(owner, onChange) {
    this.owner = owner;
    this.onChange = onChange;
    this.sending = false;
    this.opened = new Promise((resolve) => {
      if (!window.indexedDB) { resolve(null); return; }
      const request = indexedDB.open("arbiter-annotate", 1);
      request.onupgradeneeded = () => request.result.createObjectStore("saves", { keyPath: "id", autoIncrement: true });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
    });
    this.memory = []; // where IndexedDB is not available
  }

  async transaction(mode, work) {
    const db = await this.opened;
    if (!db) return work(null);
    return new Promise((resolve, reject) => {
      const tx = db.transaction("saves", mode);
      let result;
      Promise.resolve(work(tx.objectStore("saves"))).then((value) => { result = value; });
      tx.oncomplete = () => resolve(result);
      tx.onerror = () => reject(tx.error);
    });
  }

  async add(entry) {
    entry = Object.assign({ owner: this.owner }, entry);
    await this.transaction("readwrite", (store) => {
      if (store) store.add(entry); else this.memory.push(Object.assign({ id: this.memory.length + 1 }, entry));
    });
  }

  // This reader's waiting saves.
  async all() {
    const entries = await this.transaction("readonly", (store) => {
      if (!store) return this.memory.slice();
      return new Promise((resolve) => { const request = store.getAll(); request.onsuccess = () => resolve(request.result); });
    });
    return entries.filter((entry) => entry.owner === this.owner);
  }

  async remove(id) {
    await this.transaction("readwrite", (store) => {
      if (store) store.delete(id); else this.memory = this.memory.filter((entry) => entry.id !== id);
    });
  }

  // Sends every waiting save in order, oldest first; stops at the first that cannot reach the server.
  async flush(csrf) {
    if (this.sending) return;
    this.sending = true;
    try {
      for (const entry of (await this.all()).sort((a, b) => a.id - b.id)) {
        let response;
        try {
          response = await fetch(entry.url, {
            method: "POST", credentials: "same-origin", cache: "no-store",
            headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf }, body: JSON.stringify(entry.body),
          });
        } catch (error) {
          this.onChange({ state: "offline", waiting: (await this.all()).length });
          return;
        }
        const reply = await response.json().catch(() => ({}));
        if (response.status === 403 && reply.error && reply.error.code === "invalid-csrf") {
          this.onChange({ state: "signed-out", waiting: (await this.all()).length });
          return;
        }
        await this.remove(entry.id);
        if (response.ok) {
          this.onChange({ state: "saved", url: entry.url, version: reply.version, waiting: (await this.all()).length });
        } else {
          this.onChange({ state: "refused", url: entry.url, message: (reply.error && reply.error.message) || "status " + response.status });
        }
      }
    } finally {
      this.sending = false;
    }
  }
}

// ---- The viewer --------------------------------------------------------------------------------------------------

class Viewer {
  constructor(root) {
    const data = root.dataset;
    this.root = root;
    this.width = Number(data.width);
    this.height = Number(data.height);
    this.levels = Number(data.levels);
    this.tileSize = Number(data.tileSize);
    this.tilesURL = data.tiles;
    this.mpp = Number(data.mpp) || 0;
    this.saveURL = data.save;
    this.csrf = data.csrf;
    this.kinds = data.kinds.split(" ").filter(Boolean);
    this.classes = JSON.parse(data.classes);
    this.canDraw = data.canDraw === "true";
    // A reader's read shown beside others (the adjudicator's page): looked at, never edited.
    this.readonly = data.readonly === "true";
    this.cls = this.classes.length ? this.classes[0].id : null;
    this.shownAt = Date.now();
    this.canvas = root.querySelector("canvas.viewer-canvas");
    this.context = this.canvas.getContext("2d");
    this.minimap = root.querySelector("canvas.viewer-minimap");
    this.status = root.querySelector("[data-viewer-status]");
    // The form this viewer's shapes go with: the reader's own, or the adjudicator's decision.
    this.form = document.querySelector(data.form || "form[data-read-form]");
    this.tiles = new Map();
    this.tool = "select";
    this.shapes = shapesFromGeoJSON(JSON.parse(data.shapes || "null") || EMPTY);
    this.undone = [];
    this.history = [];
    this.selected = -1;
    this.draft = null;
    this.cursor = null; // the keyboard's crosshair, in item pixels
    this.picture = null;
    if (data.picture) {
      const image = new Image();
      image.onload = () => { this.picture = image; this.draw(); };
      image.src = data.picture;
    }
    root.querySelector("img.viewer-fallback").hidden = true;
    this.canvas.hidden = false;
    // A read shown beside others is too small for a mini-map of its own.
    this.minimap.hidden = this.readonly;
    for (const hidden of root.querySelectorAll("[data-needs-script]")) hidden.hidden = false;
    for (const swatch of root.querySelectorAll("[data-swatch]")) {
      const style = this.classOf(swatch.dataset.swatch);
      swatch.style.background = style.rings[2];
      swatch.style.borderColor = style.rings[1];
    }
    this.fit();
    this.wire();
    if (this.readonly) return;
    this.wireEditing();
    // Without a save URL the shapes go with the form when it is sent (an adjudicator's decision).
    if (!this.saveURL) return;
    this.queue = new SaveQueue(data.owner, (event) => this.showSaveState(event));
    this.wireSaving();
    this.restore();
  }

  // -- Geometry of the view: `scale` screen pixels per item pixel, `x`/`y` the item pixel at the canvas's top-left.
  resize() {
    const box = this.canvas.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    this.canvas.width = Math.max(1, Math.round(box.width * ratio));
    this.canvas.height = Math.max(1, Math.round(box.height * ratio));
    this.ratio = ratio;
  }

  fit() {
    this.resize();
    const [w, h] = [this.canvas.width / this.ratio, this.canvas.height / this.ratio];
    this.scale = Math.min(w / this.width, h / this.height) * 0.95;
    this.x = this.width / 2 - w / 2 / this.scale;
    this.y = this.height / 2 - h / 2 / this.scale;
    this.fitted = true;
    this.draw();
  }

  // The most a reader may zoom in: 4 screen pixels per level-0 pixel (well past 40x on a 0.25 µm/px slide).
  zoom(factor, sx, sy) {
    const [w, h] = [this.canvas.width / this.ratio, this.canvas.height / this.ratio];
    if (sx === undefined) { sx = w / 2; sy = h / 2; }
    const [ix, iy] = this.toItem(sx, sy);
    const fitted = Math.min(w / this.width, h / this.height) * 0.5;
    this.scale = Math.min(4, Math.max(fitted, this.scale * factor));
    this.fitted = false;
    this.x = ix - sx / this.scale;
    this.y = iy - sy / this.scale;
    this.draw();
  }

  pan(dx, dy) { this.x += dx / this.scale; this.y += dy / this.scale; this.fitted = false; this.draw(); }
  toItem(sx, sy) { return [this.x + sx / this.scale, this.y + sy / this.scale]; }
  toScreen(ix, iy) { return [(ix - this.x) * this.scale, (iy - this.y) * this.scale]; }
  clamp([x, y]) { return [Math.min(this.width, Math.max(0, x)), Math.min(this.height, Math.max(0, y))]; }

  // -- Drawing ---------------------------------------------------------------------------------------------------
  draw() {
    if (this.pending) return;
    this.pending = requestAnimationFrame(() => { this.pending = 0; this.paint(); });
  }

  paint() {
    const c = this.context;
    c.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    const [w, h] = [this.canvas.width / this.ratio, this.canvas.height / this.ratio];
    c.fillStyle = "#20242a";
    c.fillRect(0, 0, w, h);
    c.setTransform(this.ratio * this.scale, 0, 0, this.ratio * this.scale, -this.x * this.scale * this.ratio, -this.y * this.scale * this.ratio);
    c.fillStyle = "#fff";
    c.fillRect(0, 0, this.width, this.height);
    if (this.picture) c.drawImage(this.picture, 0, 0, this.width, this.height);
    if (this.tilesURL) this.paintTiles(w, h);
    c.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    this.paintShapes();
    this.paintScale(w, h);
    this.paintMinimap(w, h);
  }

  paintTiles(w, h) {
    const wanted = Math.min(this.levels - 1, Math.max(0, this.levels - 1 - Math.floor(Math.log2(1 / this.scale))));
    // Coarser levels first, so a tile not yet here shows the level under it instead of a hole.
    for (let level = Math.max(0, wanted - 3); level <= wanted; level++) {
      const down = 2 ** (this.levels - 1 - level), span = this.tileSize * down;
      const columns = Math.ceil(Math.ceil(this.width / down) / this.tileSize), rows = Math.ceil(Math.ceil(this.height / down) / this.tileSize);
      const [x0, y0] = this.toItem(0, 0), [x1, y1] = this.toItem(w, h);
      for (let row = Math.max(0, Math.floor(y0 / span)); row <= Math.min(rows - 1, Math.floor(y1 / span)); row++) {
        for (let column = Math.max(0, Math.floor(x0 / span)); column <= Math.min(columns - 1, Math.floor(x1 / span)); column++) {
          const tile = this.tile(level, column, row, level === wanted);
          if (tile && tile.complete && tile.naturalWidth) {
            this.context.drawImage(tile, column * span, row * span, tile.naturalWidth * down, tile.naturalHeight * down);
          }
        }
      }
    }
  }

  tile(level, column, row, load) {
    const key = level + "/" + column + "_" + row;
    let tile = this.tiles.get(key);
    if (!tile && load) {
      tile = new Image();
      tile.onload = () => { this.firstTilePainted(); this.draw(); };
      tile.src = this.tilesURL + "/" + key + ".jpeg";
      this.tiles.set(key, tile);
      if (this.tiles.size > 600) this.tiles.delete(this.tiles.keys().next().value);
    }
    return tile;
  }

  // Records how long the next-item key took to show this item's first tile (the Performance API's clock).
  firstTilePainted() {
    if (this.painted) return;
    this.painted = true;
    performance.mark("first-tile");
    const started = Number(sessionStorage.getItem("arbiter-next-item-at") || 0);
    sessionStorage.removeItem("arbiter-next-item-at");
    if (started) document.body.dataset.nextItemToFirstTileMs = String(Math.round(performance.timeOrigin + performance.now() - started));
  }

  // A class's rings, outermost first (ShapeColors.rings): black and white, then its own colour.
  classOf(id) { return this.classes.find((entry) => entry.id === id) || { rings: ["#ffffff", "#000000", "#ff00ff"], name: String(id) }; }

  paintShapes() {
    const c = this.context;
    const all = this.shapes.map((shape, index) => [shape, index === this.selected]);
    if (this.draft) all.push([this.draft, true]);
    for (const [shape, selected] of all) {
      const style = this.classOf(shape.cls);
      const points = shape.pts.map(([x, y]) => this.toScreen(x, y));
      c.beginPath();
      if (shape.kind === "point") {
        c.arc(points[0][0], points[0][1], 6, 0, 2 * Math.PI);
      } else if (shape.kind === "box") {
        const [[x0, y0], [x1, y1]] = points.length > 1 ? points : [points[0], points[0]];
        c.rect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
      } else {
        points.forEach(([x, y], i) => (i ? c.lineTo(x, y) : c.moveTo(x, y)));
        if (shape !== this.draft) c.closePath();
      }
      // Black and white rings under each line keep it visible on white glass, eosin and haematoxylin alike.
      c.lineJoin = "round";
      style.rings.forEach((ring, index) => {
        c.strokeStyle = ring;
        c.lineWidth = (selected ? 1.5 : 1) * [7, 4.5, 2][index];
        c.stroke();
      });
      if (shape.kind === "point") { c.fillStyle = style.rings[2]; c.fill(); }
      if (selected && shape.kind !== "point") {
        for (const [x, y] of points) {
          c.fillStyle = "#fff"; c.fillRect(x - 4, y - 4, 8, 8);
          c.strokeStyle = "#000"; c.lineWidth = 1; c.strokeRect(x - 4, y - 4, 8, 8);
        }
      }
    }
    if (this.cursor) {
      const [x, y] = this.toScreen(...this.cursor);
      c.strokeStyle = "#000"; c.lineWidth = 3;
      c.beginPath(); c.moveTo(x - 12, y); c.lineTo(x + 12, y); c.moveTo(x, y - 12); c.lineTo(x, y + 12); c.stroke();
      c.strokeStyle = "#fff"; c.lineWidth = 1; c.stroke();
    }
  }

  paintScale(w, h) {
    if (!this.mpp) return;
    const micronsPerPixel = this.mpp / this.scale;
    let length = 1;
    for (const step of [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000]) {
      if (step / micronsPerPixel <= 160) length = step;
    }
    const pixels = length / micronsPerPixel;
    const c = this.context;
    c.fillStyle = "rgba(255,255,255,.85)";
    c.fillRect(12, h - 38, pixels + 16, 28);
    c.fillStyle = "#111";
    c.fillRect(20, h - 18, pixels, 4);
    c.font = "12px system-ui, sans-serif";
    c.fillText(length >= 1000 ? length / 1000 + " mm" : length + " µm", 20, h - 22);
  }

  paintMinimap(w, h) {
    if (this.readonly) return;
    const m = this.minimap, c = m.getContext("2d");
    const side = 160, scale = side / Math.max(this.width, this.height);
    m.width = Math.max(1, Math.round(this.width * scale));
    m.height = Math.max(1, Math.round(this.height * scale));
    c.fillStyle = "#fff";
    c.fillRect(0, 0, m.width, m.height);
    // The item's picture, or else the finest level that one tile holds whole.
    const whole = Math.max(0, this.levels - 1 - Math.ceil(Math.log2(Math.max(1, Math.max(this.width, this.height) / this.tileSize))));
    const overview = this.picture || (this.tilesURL ? this.tile(whole, 0, 0, true) : null);
    if (overview && overview.complete && overview.naturalWidth) c.drawImage(overview, 0, 0, m.width, m.height);
    const [x0, y0] = this.toItem(0, 0), [x1, y1] = this.toItem(w, h);
    c.strokeStyle = "#d00";
    c.lineWidth = 2;
    c.strokeRect(x0 * scale, y0 * scale, (x1 - x0) * scale, (y1 - y0) * scale);
    this.minimapScale = scale;
  }

  // -- Editing, undo and redo --------------------------------------------------------------------------------------
  change(work) {
    this.history.push(JSON.stringify(this.shapes));
    this.undone = [];
    work();
    this.draw();
    this.changed();
  }

  undo() {
    if (!this.history.length) return;
    this.undone.push(JSON.stringify(this.shapes));
    this.shapes = JSON.parse(this.history.pop());
    this.selected = -1;
    this.draw();
    this.changed();
  }

  redo() {
    if (!this.undone.length) return;
    this.history.push(JSON.stringify(this.shapes));
    this.shapes = JSON.parse(this.undone.pop());
    this.selected = -1;
    this.draw();
    this.changed();
  }

  add(shape) {
    if (!this.canDraw) { this.say("This item cannot take shapes here: ask the organisers to serve its slides."); return; }
    this.change(() => { this.shapes.push(shape); this.selected = this.shapes.length - 1; });
    this.announce(shape.kind + " of class " + this.classOf(shape.cls).name + " added; " + this.shapes.length + " shapes");
  }

  // The shape under a screen point, the topmost first; points and vertices within 8 screen pixels.
  hit(sx, sy) {
    for (let index = this.shapes.length - 1; index >= 0; index--) {
      const shape = this.shapes[index];
      const points = shape.pts.map(([x, y]) => this.toScreen(x, y));
      if (points.some(([x, y]) => Math.hypot(x - sx, y - sy) < 9)) return index;
      if (shape.kind === "box") {
        const [[x0, y0], [x1, y1]] = points;
        if (sx >= x0 && sx <= x1 && sy >= y0 && sy <= y1) return index;
      } else if (shape.kind === "polygon" && this.inside(points, sx, sy)) {
        return index;
      }
    }
    return -1;
  }

  inside(points, x, y) {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i], [xj, yj] = points[j];
      if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }

  // -- Saving ----------------------------------------------------------------------------------------------------
  changed() {
    if (!this.saveURL) {
      this.say(this.shapes.length + " shape" + (this.shapes.length === 1 ? "" : "s") + "; they go with the decision");
      return;
    }
    this.say("Saving…");
    clearTimeout(this.saveTimer);
    // Changes made within half a second go together: well within the second a change may wait.
    this.saveTimer = setTimeout(() => this.save(), 500);
  }

  readBody() {
    const body = {
      shapes: shapesToGeoJSON(this.shapes.map((shape) => Object.assign({}, shape, { pts: shape.pts.map(([x, y]) => [round(x), round(y)]) }))),
      seconds_spent: Math.min(86400, (Date.now() - this.shownAt) / 1000),
      idempotency_key: "viewer-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2),
      label: null,
      comment: null,
    };
    if (this.form) {
      const grade = this.form.querySelector("input[name=label]:checked");
      if (grade) body.label = grade.value;
      const comment = this.form.querySelector("textarea[name=comment]");
      if (comment && comment.value.trim()) body.comment = comment.value;
    }
    return body;
  }

  async save() {
    clearTimeout(this.saveTimer);
    this.saveTimer = 0;
    await this.queue.add({ url: this.saveURL, body: this.readBody(), at: Date.now() });
    await this.queue.flush(this.csrf);
  }

  // What was drawn here and not yet sent wins over what the server last had: it is newer.
  async restore() {
    const waiting = (await this.queue.all()).filter((entry) => entry.url === this.saveURL).sort((a, b) => a.id - b.id);
    if (waiting.length) {
      this.shapes = shapesFromGeoJSON(waiting[waiting.length - 1].body.shapes);
      this.draw();
      this.say(waiting.length + " unsent change" + (waiting.length === 1 ? "" : "s") + " from this browser; sending…");
    }
    await this.queue.flush(this.csrf);
  }

  showSaveState(event) {
    if (event.state === "saved" && event.url === this.saveURL) {
      this.root.dataset.savedVersion = String(event.version);
      this.say(event.waiting ? "Saved version " + event.version + "; " + event.waiting + " more waiting" : "All changes saved (version " + event.version + ")");
    } else if (event.state === "saved") {
      this.say("Saved a change made earlier on another item");
    } else if (event.state === "offline") {
      this.root.dataset.offline = "true";
      this.say("Offline: " + event.waiting + " change" + (event.waiting === 1 ? "" : "s") + " kept in this browser, sent when the connection returns");
    } else if (event.state === "signed-out") {
      this.say("Your session has ended: sign in again; " + event.waiting + " changes wait in this browser");
    } else if (event.state === "refused") {
      this.say("Not saved: " + event.message);
    }
    if (event.state !== "offline") delete this.root.dataset.offline;
  }

  say(text) { if (this.status) this.status.textContent = text; }
  announce(text) { const live = this.root.querySelector("[data-viewer-announce]"); if (live) live.textContent = text; }

  // -- Input -----------------------------------------------------------------------------------------------------
  setTool(tool) {
    if (tool !== "select" && !this.kinds.includes(tool)) return;
    this.tool = tool;
    this.draft = null;
    for (const button of this.root.querySelectorAll("[data-tool]")) button.setAttribute("aria-pressed", String(button.dataset.tool === tool));
    if (tool !== "select" && !this.cursor) {
      const [w, h] = [this.canvas.width / this.ratio, this.canvas.height / this.ratio];
      this.cursor = this.clamp(this.toItem(w / 2, h / 2));
    }
    if (tool === "select") this.cursor = null;
    this.announce("Tool: " + tool);
    this.draw();
  }

  setClass(index) {
    const entry = this.classes[index];
    if (!entry) return;
    this.cls = entry.id;
    for (const button of this.root.querySelectorAll("[data-class]")) button.setAttribute("aria-pressed", String(button.dataset.class === entry.id));
    if (this.selected >= 0) this.change(() => { this.shapes[this.selected].cls = entry.id; });
    this.announce("Class: " + entry.name);
  }

  // Puts a vertex, corner or point where the pointer or the keyboard's crosshair is.
  place(point) {
    point = this.clamp(point);
    if (this.tool === "point") {
      this.add({ kind: "point", cls: this.cls, pts: [point] });
    } else if (this.tool === "box") {
      if (!this.draft) { this.draft = { kind: "box", cls: this.cls, pts: [point, point] }; }
      else {
        const [[x0, y0]] = this.draft.pts, [x1, y1] = point;
        this.draft = null;
        if (x0 !== x1 && y0 !== y1) this.add({ kind: "box", cls: this.cls, pts: [[Math.min(x0, x1), Math.min(y0, y1)], [Math.max(x0, x1), Math.max(y0, y1)]] });
      }
    } else if (this.tool === "polygon") {
      if (!this.draft) this.draft = { kind: "polygon", cls: this.cls, pts: [] };
      this.draft.pts.push(point);
    }
    this.draw();
  }

  finishPolygon() {
    if (!this.draft || this.draft.kind !== "polygon") return;
    const pts = this.draft.pts.filter((p, i, all) => i === 0 || p[0] !== all[i - 1][0] || p[1] !== all[i - 1][1]);
    this.draft = null;
    if (pts.length >= 3) this.add({ kind: "polygon", cls: this.cls, pts });
    this.draw();
  }

  remove() {
    if (this.selected < 0) return;
    this.change(() => { this.shapes.splice(this.selected, 1); this.selected = -1; });
    this.announce("Shape deleted; " + this.shapes.length + " shapes");
  }

  wire() {
    const canvas = this.canvas;
    // A new window size keeps the item fitted, or else the same point at the centre.
    window.addEventListener("resize", () => {
      const [w, h] = [this.canvas.width / this.ratio, this.canvas.height / this.ratio];
      const [cx, cy] = this.toItem(w / 2, h / 2);
      if (this.fitted) { this.fit(); return; }
      this.resize();
      this.x = cx - this.canvas.width / this.ratio / 2 / this.scale;
      this.y = cy - this.canvas.height / this.ratio / 2 / this.scale;
      this.draw();
    });
    canvas.addEventListener("wheel", (event) => {
      event.preventDefault();
      const box = canvas.getBoundingClientRect();
      this.zoom(event.deltaY < 0 ? 1.25 : 0.8, event.clientX - box.left, event.clientY - box.top);
    }, { passive: false });
    let press = null;
    canvas.addEventListener("pointerdown", (event) => {
      // Focus without scrolling: the page must not move between a click's press and its release.
      canvas.focus({ preventScroll: true });
      const box = canvas.getBoundingClientRect();
      const [sx, sy] = [event.clientX - box.left, event.clientY - box.top];
      press = { sx, sy, x: this.x, y: this.y, moved: false, button: event.button, freehand: null, vertex: null, at: this.toItem(sx, sy) };
      canvas.setPointerCapture(event.pointerId);
      if (event.button === 0 && this.tool === "select" && !this.readonly) {
        const index = this.hit(sx, sy);
        this.selected = index;
        if (index >= 0) {
          const shape = this.shapes[index];
          const vertex = shape.pts.findIndex(([x, y]) => { const [px, py] = this.toScreen(x, y); return Math.hypot(px - sx, py - sy) < 9; });
          if (vertex >= 0) press.vertex = { index, vertex, before: JSON.stringify(this.shapes) };
        }
        this.draw();
      }
    });
    canvas.addEventListener("pointermove", (event) => {
      const box = canvas.getBoundingClientRect();
      const [sx, sy] = [event.clientX - box.left, event.clientY - box.top];
      if (this.tool !== "select") this.cursor = this.clamp(this.toItem(sx, sy));
      if (!press) { if (this.draft && this.tool === "box") { this.draft.pts[1] = this.cursor; } this.draw(); return; }
      if (Math.hypot(sx - press.sx, sy - press.sy) > 4) press.moved = true;
      if (press.vertex) {
        const shape = this.shapes[press.vertex.index];
        const point = this.clamp(this.toItem(sx, sy));
        shape.pts[press.vertex.vertex] = point;
        this.draw();
      } else if (this.tool === "polygon" && press.button === 0 && press.moved) {
        // Held and dragged: a freehand outline, a vertex every 3 screen pixels.
        if (!press.freehand) { this.draft = { kind: "polygon", cls: this.cls, pts: [this.clamp(this.toItem(press.sx, press.sy))] }; press.freehand = true; }
        const last = this.toScreen(...this.draft.pts[this.draft.pts.length - 1]);
        if (Math.hypot(last[0] - sx, last[1] - sy) >= 3) this.draft.pts.push(this.clamp(this.toItem(sx, sy)));
        this.draw();
      } else if (this.tool === "box" && press.button === 0 && press.moved) {
        if (!this.draft) this.draft = { kind: "box", cls: this.cls, pts: [this.clamp(this.toItem(press.sx, press.sy)), this.cursor] };
        this.draft.pts[1] = this.clamp(this.toItem(sx, sy));
        this.draw();
      } else if (this.tool === "select" || press.button !== 0) {
        this.fitted = false;
        this.x = press.x - (sx - press.sx) / this.scale;
        this.y = press.y - (sy - press.sy) / this.scale;
        this.draw();
      }
    });
    canvas.addEventListener("pointerup", (event) => {
      if (!press) return;
      const box = canvas.getBoundingClientRect();
      const point = this.toItem(event.clientX - box.left, event.clientY - box.top);
      const done = press;
      press = null;
      if (done.vertex) {
        if (done.moved) {
          const shape = this.shapes[done.vertex.index];
          if (shape.kind === "box") {
            const xs = shape.pts.map((p) => p[0]), ys = shape.pts.map((p) => p[1]);
            shape.pts = [[Math.min(...xs), Math.min(...ys)], [Math.max(...xs), Math.max(...ys)]];
          }
          this.history.push(done.vertex.before);
          this.undone = [];
          this.changed();
        }
        this.draw();
        return;
      }
      if (done.button !== 0 || this.tool === "select") return;
      if (done.freehand) { this.finishPolygon(); return; }
      if (this.tool === "box" && done.moved && this.draft) { this.place(this.clamp(point)); return; }
      if (!done.moved) {
        // A click is placed where it was pressed.
        if (this.tool === "polygon" && this.draft && this.draft.pts.length >= 3) {
          const [fx, fy] = this.toScreen(...this.draft.pts[0]);
          if (Math.hypot(fx - done.sx, fy - done.sy) < 9) { this.finishPolygon(); return; }
        }
        this.place(done.at);
      }
    });
    this.minimap.addEventListener("click", (event) => {
      const box = this.minimap.getBoundingClientRect();
      const [w, h] = [this.canvas.width / this.ratio, this.canvas.height / this.ratio];
      this.x = (event.clientX - box.left) / this.minimapScale - w / 2 / this.scale;
      this.y = (event.clientY - box.top) / this.minimapScale - h / 2 / this.scale;
      this.fitted = false;
      this.draw();
    });
  }

  wireEditing() {
    this.canvas.addEventListener("dblclick", () => this.finishPolygon());
    for (const button of this.root.querySelectorAll("[data-tool]")) button.addEventListener("click", () => this.setTool(button.dataset.tool));
    for (const button of this.root.querySelectorAll("[data-class]")) {
      button.addEventListener("click", () => this.setClass(this.classes.findIndex((entry) => entry.id === button.dataset.class)));
    }
    for (const button of this.root.querySelectorAll("[data-action]")) {
      button.addEventListener("click", () => this.act(button.dataset.action));
    }
    document.addEventListener("keydown", (event) => this.key(event));
    if (this.form) {
      this.form.addEventListener("submit", () => {
        const field = this.form.querySelector("input[name=shapes]");
        if (field) field.value = JSON.stringify(this.readBody().shapes);
        sessionStorage.setItem("arbiter-next-item-at", String(performance.timeOrigin + performance.now()));
      });
    }
    const help = document.getElementById("viewer-help");
    if (help) help.querySelector("[data-close]").addEventListener("click", () => help.close());
  }

  wireSaving() {
    window.addEventListener("online", () => this.queue.flush(this.csrf));
    setInterval(() => this.queue.flush(this.csrf), 4000);
    // A grade or comment changed is saved with the shapes, as a new version.
    if (this.form) this.form.addEventListener("change", () => this.changed());
  }

  act(action) {
    const steps = { "zoom-in": () => this.zoom(1.5), "zoom-out": () => this.zoom(1 / 1.5), fit: () => this.fit(), undo: () => this.undo(),
      redo: () => this.redo(), delete: () => this.remove(), help: () => this.help() };
    if (steps[action]) steps[action]();
  }

  help() {
    const help = document.getElementById("viewer-help");
    if (help && !help.open) help.showModal();
  }

  go(rel) {
    const link = document.querySelector("a[rel=" + rel + "]");
    if (!link) return;
    sessionStorage.setItem("arbiter-next-item-at", String(performance.timeOrigin + performance.now()));
    const leave = () => location.assign(link.href);
    // A change still waiting for its half second is saved (or queued) before the page goes.
    if (this.saveTimer) this.save().then(leave, leave); else leave();
  }

  key(event) {
    if (event.target.closest("textarea, input[type=text], dialog")) return;
    const ctrl = event.ctrlKey || event.metaKey;
    const k = event.key;
    const handled = () => event.preventDefault();
    if (ctrl && (k === "z" || k === "Z") && !event.shiftKey) { handled(); this.undo(); return; }
    if (ctrl && (k === "y" || k === "Y" || ((k === "z" || k === "Z") && event.shiftKey))) { handled(); this.redo(); return; }
    if (ctrl || event.altKey) {
      if (event.ctrlKey && k.startsWith("Arrow")) { handled(); this.moveCursor(k, 48); }
      return;
    }
    if (event.shiftKey && /^Digit[1-9]$/.test(event.code)) {
      const grade = this.form && this.form.querySelector("input[data-key='" + event.code.slice(5) + "']");
      // The focus stays where it was, so Space and the arrows keep drawing.
      if (grade) { handled(); grade.checked = true; this.announce("Grade: " + grade.labels[0].textContent.trim()); this.changed(); }
      return;
    }
    if (event.shiftKey && k === "ArrowRight") { handled(); this.go("next"); return; }
    if (event.shiftKey && k === "ArrowLeft") { handled(); this.go("prev"); return; }
    if (/^[1-9]$/.test(k)) { handled(); this.setClass(Number(k) - 1); return; }
    const tools = { s: "select", v: "select", o: "point", p: "polygon", r: "box" };
    if (tools[k]) { handled(); this.setTool(tools[k]); return; }
    if (k === "q" || k === "w") {
      handled();
      const index = this.classes.findIndex((entry) => entry.id === this.cls);
      this.setClass((index + (k === "w" ? 1 : this.classes.length - 1)) % this.classes.length);
      return;
    }
    if (k === "n") { handled(); this.go("next"); return; }
    if (k === "?") { handled(); this.help(); return; }
    if (k === "+" || k === "=") { handled(); this.zoom(1.5); return; }
    if (k === "-") { handled(); this.zoom(1 / 1.5); return; }
    if (k === "0" || k === "Home") { handled(); this.fit(); return; }
    if (k === "Escape") { handled(); this.draft = null; this.selected = -1; this.draw(); return; }
    if (k === "Delete" || k === "Backspace") { handled(); this.remove(); return; }
    if (k === "Tab" && this.tool === "select" && event.target === this.canvas && this.shapes.length) {
      handled();
      this.selected = (this.selected + (event.shiftKey ? this.shapes.length - 1 : 1)) % this.shapes.length;
      this.announce("Selected shape " + (this.selected + 1) + " of " + this.shapes.length);
      this.draw();
      return;
    }
    if (k.startsWith("Arrow")) {
      handled();
      if (this.tool === "select") {
        const step = 60;
        this.pan(k === "ArrowLeft" ? -step : k === "ArrowRight" ? step : 0, k === "ArrowUp" ? -step : k === "ArrowDown" ? step : 0);
      } else {
        this.moveCursor(k, 8);
      }
      return;
    }
    if ((k === " " || k === "Enter") && this.tool !== "select" && event.target === this.canvas) {
      handled();
      if (k === "Enter" && this.tool === "polygon" && this.draft) this.finishPolygon(); else this.place(this.cursor);
      return;
    }
    if (k === " " && this.tool !== "select" && !event.target.closest("button, a, input, select")) {
      handled();
      this.place(this.cursor);
    }
  }

  // Moves the keyboard's crosshair by `step` screen pixels, keeping it in view.
  moveCursor(key, step) {
    if (!this.cursor) return;
    const d = step / this.scale;
    const [x, y] = this.cursor;
    this.cursor = this.clamp([x + (key === "ArrowRight" ? d : key === "ArrowLeft" ? -d : 0), y + (key === "ArrowDown" ? d : key === "ArrowUp" ? -d : 0)]);
    if (this.draft && this.tool === "box") this.draft.pts[1] = this.cursor;
    const [sx, sy] = this.toScreen(...this.cursor);
    const [w, h] = [this.canvas.width / this.ratio, this.canvas.height / this.ratio];
    if (sx < 20 || sy < 20 || sx > w - 20 || sy > h - 20) { this.x = this.cursor[0] - w / 2 / this.scale; this.y = this.cursor[1] - h / 2 / this.scale; this.fitted = false; }
    this.draw();
  }
}

document.addEventListener("DOMContentLoaded", () => {
  window.arbiterViewers = [...document.querySelectorAll("[data-viewer]")].map((root) => new Viewer(root));
  // The one viewer that draws (and takes the keys); the others show reads beside it.
  window.arbiterViewer = window.arbiterViewers.find((viewer) => !viewer.readonly);
});
