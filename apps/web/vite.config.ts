import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Built into dist/ and served by the API server at / (apps/server/src/http/web-apps.ts).
export default defineConfig({
  base: "/",
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true },
});
