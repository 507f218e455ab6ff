// What a visitor sees when loading or training fails, or the engine stops: a plain sentence, the
// technical detail tucked away for whoever wants it, and Retry.

export function ErrorPanel({ title = 'Something went wrong', message, detail, onRetry }) {
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
      <button type="button" class="button" onClick={onRetry}>
        Retry
      </button>
    </section>
  );
}
