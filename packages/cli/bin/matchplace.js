#!/usr/bin/env node
// Runs the TypeScript entry point through tsx (a dependency of this package), so no build step is needed.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
