import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getBridge } from './bridge/get-bridge.js';
import { KioskApp } from './kiosk/KioskApp.js';
import { CounterApp } from './counter/CounterApp.js';
import './ui/styles.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      {location.hash.startsWith('#/counter') ? <CounterApp bridge={getBridge()} /> : <KioskApp bridge={getBridge()} />}
    </StrictMode>,
  );
}
