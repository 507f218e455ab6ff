// What a visitor sees when loading or training fails, or the engine stops: a plain sentence, the
// technical detail tucked away for whoever wants it, Retry, and where Retry may fail the same way
// again (a dropped file that stopped the engine), a way back to what worked.

/**
 * @param {{ title?: string, message: string, detail?: string, onRetry: () => void,
 *           instead?: { text: string, onClick: () => void } | null }} props
 */
export function ErrorPanel({ title = 'Something went wrong', message, detail, onRetry, instead = null }) {
  return (
    <section class="panel error-panel" role="alert">
      <h2>{title}</h2>
      <p class="error-message">{message}</p>
      {detail ? (
        <details class="error-detail">
          <summary>Technical detail</summary>
          <code>{detail}</code>
        </details>
      ) : null}
      <p class="error-actions">
        <button type="button" class="button" onClick={onRetry}>
          Retry
        </button>
        {instead ? (
          <button type="button" class="button-quiet" onClick={instead.onClick}>
            {instead.text}
          </button>
        ) : null}
      </p>
    </section>
  );
}
