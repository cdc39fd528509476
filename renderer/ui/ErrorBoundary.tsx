import { Component, type ReactNode } from 'react';
import { Translation } from 'react-i18next';
import { ErrorText } from './ErrorText';

interface State {
  error: unknown;
}

/** A render error shows a translated message and a way back instead of a white window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <Translation>
        {(t) => (
          <main className="screen">
            <h1>{t('boundary.title')}</h1>
            <ErrorText error={this.state.error} />
            <button type="button" onClick={() => window.location.reload()}>
              {t('boundary.reload')}
            </button>
          </main>
        )}
      </Translation>
    );
  }
}
