import { useState } from 'react';

/**
 * The configuration as a file: export downloads what the kiosk holds; import reads a file and
 * hands it to the same save as the form (the service validates it whole and changes nothing
 * when it is wrong). `yzt admin import-config` reads the same file.
 */
export function ConfigFile({ config, busy, onImport }: { config: unknown; busy: boolean; onImport(config: unknown): void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const text = JSON.stringify(config, null, 2);
  return (
    <>
      <h2>配置文件 Configuration file</h2>
      <p className="hint">导出后可在其他终端导入，或用 “yzt admin import-config” 导入。Export to set up other kiosks alike.</p>
      <textarea readOnly aria-label="当前配置 Current configuration" className="config-json" data-testid="config-json" value={text} rows={6} />
      <div className="actions">
        <a className="button secondary" data-testid="export-config" download="yzt-kiosk-config.json" href={`data:application/json;charset=utf-8,${encodeURIComponent(text)}`}>
          导出 Export
        </a>
        <label className="button secondary" htmlFor="import-config">
          导入 Import
        </label>
        <input
          id="import-config"
          type="file"
          accept="application/json,.json"
          hidden
          disabled={busy}
          data-testid="import-config"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            setProblem(null);
            void file.text().then((t) => {
              try {
                onImport(JSON.parse(t) as unknown);
              } catch {
                setProblem('文件不是有效的 JSON 配置文件，未做任何修改（Not a JSON configuration file; nothing changed）');
              }
            });
          }}
        />
      </div>
      {problem && (
        <p className="field-error" role="alert" data-testid="import-problem">
          {problem}
        </p>
      )}
    </>
  );
}
