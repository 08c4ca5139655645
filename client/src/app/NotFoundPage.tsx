/** Any path the app does not know: say so, rather than showing the map under a wrong address. */
export default function NotFoundPage() {
  return (
    <div className="narrow-page">
      <section className="narrow-page__panel" aria-labelledby="not-found-title">
        <h2 id="not-found-title" className="narrow-page__title">
          There is no page here
        </h2>
        <p>
          Nothing is published at <code className="not-found__path">{window.location.pathname}</code>. The
          link may be mistyped or out of date.
        </p>
        <p>
          <a className="button" href="/">
            Go to the seat map
          </a>
        </p>
      </section>
    </div>
  );
}
