import { build } from "esbuild";
const entry = process.argv[2]!;
const r = await build({ entryPoints: [entry], bundle: true, write: false, format: "esm", platform: "node", target: "node22", minify: true, mainFields: ["module","main"], metafile: true, outfile: "/tmp/x.mjs", logLevel: "silent" });
const out = Object.values(r.metafile.outputs)[0]!;
const by: Record<string, number> = {};
for (const [f, v] of Object.entries(out.inputs)) {
  const m = f.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  const k = m ? m[1]! : f.split("/").slice(0, 3).join("/");
  by[k] = (by[k] ?? 0) + v.bytesInOutput;
}
for (const [k, v] of Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(String(Math.round(v / 1024)).padStart(6), k);
