// A stand-in for IntersectionObserver the tests control: every observed element is on screen until
// a test moves them all out of sight (happy-dom's own never reports at all).
export function installSight() {
  const observers = new Set();
  const before = window.IntersectionObserver;
  window.IntersectionObserver = class {
    constructor(callback) {
      this.callback = callback;
      this.targets = [];
    }
    observe(target) {
      this.targets.push(target);
      observers.add(this);
    }
    disconnect() {
      observers.delete(this);
    }
    unobserve() {}
  };
  return {
    /** Scrolls every observed element out of the viewport. */
    leave() {
      for (const o of [...observers]) o.callback(o.targets.map((target) => ({ target, isIntersecting: false })));
    },
    restore() {
      window.IntersectionObserver = before;
    },
  };
}
