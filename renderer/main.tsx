import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AntProvider } from './ui/AntProvider';
import './app/i18n';
import './app/styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AntProvider>
      <App />
    </AntProvider>
  </StrictMode>,
);
