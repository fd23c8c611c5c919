interface ImportMetaEnv {
  /** Origin of the Seika service the hubs call; unset in dev/preview builds (same origin). */
  readonly VITE_SEIKA_SERVICE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
