import { Component, type ReactNode } from 'react';

interface PageBoundaryState {
  failed: boolean;
}

/**
 * Catches a page that could not be fetched or drawn (a lazily loaded page's script missing after a new
 * release, most often) and offers a reload, instead of leaving the page blank under the header.
 */
export class PageBoundary extends Component<{ children: ReactNode }, PageBoundaryState> {
  override state: PageBoundaryState = { failed: false };

  static getDerivedStateFromError(): PageBoundaryState {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="state state--error" role="alert">
        <p>This page could not be loaded.</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
}
