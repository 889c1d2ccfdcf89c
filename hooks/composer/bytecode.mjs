// komunikat: compile the composer's Python to byte code in Pyodide, under Node, at build time.
//
// Called by komunikat.site.composer_bytecode (which caches the result):
//   node bytecode.mjs <pyodide dir> <program.py> <python.zip> <out.zip> <extract dir> <modules, comma-separated>
// Loads the Pyodide the site ships, runs the program (komunikat/site/pyodide_bytecode.py)
// and calls its main(); prints main()'s JSON report on the last line of stdout.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [runtimeDir, programFile, bundleFile, targetFile, extractDir, modules] = process.argv.slice(2);
if (!modules) {
  console.error("usage: node bytecode.mjs <pyodide dir> <program.py> <python.zip> <out.zip> <extract dir> <modules>");
  process.exit(2);
}
// An uncaught error would print Pyodide's whole minified source line: print its message only.
try {
  const { loadPyodide } = await import(pathToFileURL(path.join(runtimeDir, "pyodide.mjs")).href);
  const pyodide = await loadPyodide({
    indexURL: runtimeDir + path.sep,
    stdout: (line) => console.error(line),
    stderr: (line) => console.error(line),
  });
  pyodide.FS.mkdirTree("/tmp/komunikat-bytecode");
  pyodide.FS.writeFile("/tmp/komunikat-bytecode/in.zip", new Uint8Array(fs.readFileSync(bundleFile)));
  const program = pyodide.runPython(fs.readFileSync(programFile, "utf8") + "\nmain", {
    globals: pyodide.toPy({ __name__: "komunikat_bytecode" }),
  });
  const report = program(
    "/tmp/komunikat-bytecode/in.zip",
    "/tmp/komunikat-bytecode/out.zip",
    extractDir,
    pyodide.toPy(modules.split(",")),
  );
  fs.writeFileSync(targetFile, pyodide.FS.readFile("/tmp/komunikat-bytecode/out.zip"));
  console.log(report);
} catch (error) {
  console.error(`bytecode.mjs: ${error && error.message ? error.message : error}`);
  process.exit(1);
}
