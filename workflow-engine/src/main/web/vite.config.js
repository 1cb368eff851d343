import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The bundle goes where Spring Boot serves static resources from, so that it is packaged in the
// engine's jar: target/classes/static. `npm run dev` serves the sources with hot reload and passes
// /api to a running engine (ENGINE_URL, default http://localhost:8080).
export default defineConfig({
  plugins: [vue()],
  build: {
    outDir: fileURLToPath(new URL('../../../target/classes/static', import.meta.url)),
    emptyOutDir: true,
    // Element Plus, installed whole, makes the one chunk ~1 MB before gzip; the modeler's chunk (bpmn-js
    // Modeler, the properties panel with its CodeMirror editors, element templates) ~2.2 MB, loaded on /design only
    chunkSizeWarningLimit: 2400,
  },
  server: {
    // the modeler's example is the demo process of bpmn-models/, imported as text
    fs: { allow: ['.', fileURLToPath(new URL('../../../../bpmn-models/src/main/resources/processes', import.meta.url))] },
    proxy: { '/api': { target: process.env.ENGINE_URL || 'http://localhost:8080' } },
  },
})
