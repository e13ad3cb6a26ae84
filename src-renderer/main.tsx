import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getBridge } from './bridge/get-bridge.js';
import { Root } from './Root.js';
import './ui/styles.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Root bridge={getBridge()} />
    </StrictMode>,
  );
}
