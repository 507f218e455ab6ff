// Skips a component's re-render when its props are shallowly the same as last time, for the large
// panels the page re-renders around when a model finishes training. (preact/compat's memo would
// bring compat's global option hooks with it, which change how inputs' onChange behaves.)
import { Component, createElement } from 'preact';

function sameProps(a, b) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]));
}

export function memo(Inner) {
  class Memo extends Component {
    shouldComponentUpdate(next) {
      return !sameProps(this.props, next);
    }

    render(props) {
      return createElement(Inner, props);
    }
  }
  Memo.displayName = `Memo(${Inner.displayName || Inner.name})`;
  return Memo;
}
