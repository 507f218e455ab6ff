// A W3C WebDriver client of a few calls over fetch, enough to drive WebKitWebDriver (WebKitGTK,
// Safari's engine) without a driver library: a session, a URL, a script that returns a promise.

export async function webdriverSession(server, capabilities) {
  const call = async (method, path, body) => {
    const r = await fetch(`${server}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body && JSON.stringify(body),
    });
    const json = await r.json();
    if (json.value?.error) throw new Error(`WebDriver ${path}: ${json.value.error}: ${json.value.message}`);
    return json.value;
  };
  const { sessionId } = await call('POST', '/session', { capabilities: { alwaysMatch: capabilities } });
  const at = (path) => `/session/${sessionId}${path}`;
  await call('POST', at('/timeouts'), { script: 600_000, pageLoad: 120_000 });
  return {
    goto: (url) => call('POST', at('/url'), { url }),
    reload: () => call('POST', at('/refresh'), {}),
    /** Runs an expression that gives a promise (pageFlow.inPage) and returns what it resolves to, or throws what it rejects with. */
    async evaluate(expression) {
      // The message first: WebKit's stack leaves it out, so a failed wait read "look@: undefined".
      const script = `const done = arguments[0]; (${expression}).then((value) => done({ value }), (e) => done({ error: e instanceof Error ? e.message + '\\n' + e.stack : String(e) }));`;
      const out = await call('POST', at('/execute/async'), { script, args: [] });
      if (out?.error) throw new Error(out.error);
      return out?.value;
    },
    close: () => call('DELETE', at('')),
  };
}
