import { useState } from 'react';

/** Copies the page's URL, which holds the whole view, so the link opens exactly what is on screen. */
export function CopyLink() {
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const [url, setUrl] = useState('');

  const copy = async () => {
    const href = window.location.href;
    setUrl(href);
    try {
      await navigator.clipboard.writeText(href);
      setState('copied');
    } catch {
      setState('manual'); // no clipboard permission: show the link to copy by hand
    }
  };

  return (
    <div className="copy-link">
      <button type="button" className="button button--secondary" onClick={() => void copy()}>
        Copy link
      </button>
      <span role="status" className="copy-link__status">
        {state === 'copied' ? 'Link copied' : ''}
      </span>
      {state === 'manual' && (
        <label className="copy-link__manual">
          Link to this view
          <input readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        </label>
      )}
    </div>
  );
}
