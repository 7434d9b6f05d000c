import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app/App';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';

// The page's policy allows no eval (script-src 'self'): zod must not probe for it, or every form logs a violation.
z.config({ jitless: true });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
