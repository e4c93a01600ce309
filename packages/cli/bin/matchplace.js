#!/usr/bin/env node
// Runs the TypeScript entry point through tsx (a root devDependency), so no build step is needed.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
