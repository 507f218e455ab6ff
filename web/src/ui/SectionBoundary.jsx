// One section's failure stays in that section: whatever throws while it renders (a stored value of a
// shape no check foresaw, a bug) replaces that section alone with a plain sentence and a button that
// resets it — forgetting what it keeps in this browser, if anything, and drawing it afresh — while
// the rest of the page carries on. Without it one throw blanked the whole page (issue 24).
import { Component, Fragment } from 'preact';

/**
 * @typedef {{ name: string, id?: string, onReset?: () => void, children?: any }} Props
 *   name: the section as a visitor knows it ("Films like…"); id: the section's anchor, kept on the
 *   sentence so links to it still land; onReset: forgets what the section keeps in this browser
 */
/** @extends {Component<Props, { error: Error | null, round: number }>} */
export class SectionBoundary extends Component {
  state = { error: null, round: 0 };

  /** @param {Error} error */
  static getDerivedStateFromError(error) {
    return { error };
  }

  reset = () => {
    try {
      this.props.onReset?.();
    } catch {
      // storage that refuses: the section is drawn afresh all the same
    }
    this.setState((s) => ({ error: null, round: s.round + 1 }));
  };

  render() {
    const { name, id, children } = this.props;
    const { error, round } = this.state;
    if (!error)
      return (
        // keyed by the reset round, so a reset mounts the section afresh
        <Fragment key={round}>{children}</Fragment>
      );
    return (
      <section class="panel error-panel" id={id} role="alert" aria-label={`${name} stopped`}>
        <h2>{name}</h2>
        <p class="error-message">
          This part of the page stopped working. The rest of the page still works; reset this part to draw it afresh.
        </p>
        <details class="error-detail">
          <summary>Technical detail</summary>
          <code>{String(error?.message ?? error).slice(0, 300)}</code>
        </details>
        <button type="button" class="button" onClick={this.reset}>
          Reset {name}
        </button>
      </section>
    );
  }
}
